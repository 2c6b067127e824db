# java.lang.String static helpers and a Java String's methods seen from Jython.
from java.lang import String
print String.valueOf(42), String.format("%05d|%s", 42, "x"), String.join("-", ["a", "b"])
s = String("Line1")
print s.length(), s.toUpperCase(), s.startsWith("Line"), s.charAt(0), s.substring(2)
print type(String.valueOf(1)).__name__
