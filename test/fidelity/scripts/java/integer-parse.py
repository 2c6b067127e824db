# Integer.parseInt and friends; a bad number raises java.lang.NumberFormatException.
from java.lang import Integer, NumberFormatException
print Integer.parseInt("42") + 1, Integer.valueOf("7"), Integer.toHexString(255), Integer.toBinaryString(5)
print Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.parseInt("ff", 16)
try:
    Integer.parseInt("4.5")
except NumberFormatException, e:
    print "bad:", e.getMessage()
