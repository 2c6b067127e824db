# System.getProperty for a property every JVM has, and lineSeparator.
from java.lang import System
print System.getProperty("no.such.property"), System.getProperty("no.such.property", "fallback")
print repr(System.lineSeparator())
