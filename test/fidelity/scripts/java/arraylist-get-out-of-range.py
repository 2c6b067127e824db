# ArrayList.get past the end raises Java's IndexOutOfBoundsException, which except IndexError does not catch.
from java.util import ArrayList
from java.lang import IndexOutOfBoundsException
items = ArrayList([1, 2])
try:
    items.get(5)
except IndexError:
    print "IndexError"
except IndexOutOfBoundsException, e:
    print "Java", e.getMessage()
print items[1]
try:
    items[7]
except IndexError, e:
    print "subscript:", e
