# Date prints with Java's toString in the JVM's time zone (UTC here).
from java.util import Date
d = Date(1700000000000)
print d
print str(d), "at %s" % d
print [d.toString()]
