# Millisecond and literal parts of a pattern.
from java.text import SimpleDateFormat
from java.util import Date
d = Date(1700000000123)
print SimpleDateFormat("HH:mm:ss.SSS").format(d)
print SimpleDateFormat("'Shift report' yyyy-MM-dd").format(d)
print SimpleDateFormat("D w").format(d)
