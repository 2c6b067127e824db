# except Exception does not catch a Java exception: the NumberFormatException ends the script.
from java.lang import Integer
try:
    Integer.parseInt("abc")
except Exception, e:
    print "caught by Exception"
print "not reached"
