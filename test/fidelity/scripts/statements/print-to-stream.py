# print >>stream writes to a file-like object.
import sys
from StringIO import StringIO
buf = StringIO()
print >>buf, "line1"
print >>buf, "x", 2,
print >>buf
print repr(buf.getvalue())
print >>sys.stderr, "to stderr"
