# SimpleDateFormat.parse gives a Date; a bad string raises java.text.ParseException.
from java.text import SimpleDateFormat, ParseException
fmt = SimpleDateFormat("yyyy-MM-dd HH:mm")
d = fmt.parse("2024-03-05 14:30")
print d.getTime(), fmt.format(d)
try:
    fmt.parse("not a date")
except ParseException, e:
    print "ParseException:", e.getMessage()
