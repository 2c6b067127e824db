# Opening a missing file raises IOError with errno 2.
import errno
try:
    open("/no/such/file.txt")
except IOError, e:
    print "IOError", e.errno, e.errno == errno.ENOENT, e.strerror
print errno.EACCES, errno.EEXIST
