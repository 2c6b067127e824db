# java.util.Date from epoch milliseconds: getTime, comparisons and before/after.
from java.util import Date
a = Date(1700000000000)
b = Date(1700000060000)
print a.getTime(), b.getTime() - a.getTime(), a.before(b), a.after(b), a.compareTo(b), b.compareTo(a)
print a == Date(1700000000000), a != b, a < b
