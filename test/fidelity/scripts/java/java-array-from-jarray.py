# jarray arrays of Java types, as some scripts pass to Java APIs.
import jarray
a = jarray.array([1, 2, 3], "i")
print a, len(a), a[0], list(a)
z = jarray.zeros(3, "d")
print z, list(z)
