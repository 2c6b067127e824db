# currentTimeMillis returns a Java long: a Python long in Jython.
from java.lang import System
now = System.currentTimeMillis()
print type(now).__name__, now > 1600000000000, isinstance(now, long)
