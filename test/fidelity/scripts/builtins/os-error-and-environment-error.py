# IOError and OSError share EnvironmentError.
import os
print issubclass(IOError, EnvironmentError), issubclass(OSError, EnvironmentError)
try:
    os.stat("/no/such/dir")
except OSError, e:
    print "OSError", e.errno
