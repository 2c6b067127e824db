# from __future__ import unicode_literals makes plain literals unicode.
from __future__ import unicode_literals
s = "text"
print type(s).__name__, repr(s), repr(b"bytes")
