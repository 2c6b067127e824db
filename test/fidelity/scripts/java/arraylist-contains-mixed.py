# ArrayList.contains and remove(int) versus remove(Object).
from java.util import ArrayList
a = ArrayList([10, 20, 30])
a.remove(0)
print a, a.contains(20), a.contains(10)
