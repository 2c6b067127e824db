# A Java RuntimeException raised by a script is not an Exception subclass in Jython.
from java.lang import RuntimeException
try:
    try:
        raise RuntimeException("device offline")
    except Exception, e:
        print "Exception caught it"
except RuntimeException, e:
    print "RuntimeException caught it:", e.getMessage()
print issubclass(RuntimeException, Exception)
