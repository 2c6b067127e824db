# String.format uses Java's Formatter: %d, %s, %.2f, %,d.
from java.lang import String
print String.format("%.2f", 3.14159), String.format("%,d", 1234567), String.format("%-6s|", "ab")
print String.format("%08.3f", 2.5), String.format("%x", 255), String.format("%b", True)
