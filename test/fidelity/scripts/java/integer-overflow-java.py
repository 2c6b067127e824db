# Java int arithmetic wraps; Jython's own ints become longs instead.
from java.lang import Integer, Math
print Integer.MAX_VALUE + 1, type(Integer.MAX_VALUE + 1).__name__
print Math.addExact(1, 2)
