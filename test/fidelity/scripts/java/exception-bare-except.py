# A bare except catches Java exceptions too; sys.exc_info names the Java class.
import sys
from java.lang import Integer
try:
    Integer.parseInt("x1")
except:
    kind, value, tb = sys.exc_info()
    print kind.__name__, value.getMessage()
