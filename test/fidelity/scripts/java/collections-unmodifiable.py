# Changing an unmodifiable Java list raises UnsupportedOperationException.
from java.util import Collections, ArrayList
from java.lang import UnsupportedOperationException
ro = Collections.unmodifiableList(ArrayList([1]))
try:
    ro.add(2)
except UnsupportedOperationException, e:
    print "read only", type(e).__name__
print ro
