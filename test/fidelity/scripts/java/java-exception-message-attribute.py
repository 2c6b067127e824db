# Jython exposes getMessage as the message attribute of a Java exception.
from java.lang import IllegalStateException
try:
    raise IllegalStateException("valve stuck")
except IllegalStateException, e:
    print e.message, e.getMessage(), e.getLocalizedMessage()
