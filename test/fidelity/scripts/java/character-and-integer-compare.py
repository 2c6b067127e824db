# java.lang.Character tests and Integer.compare.
from java.lang import Character, Integer
print Character.isDigit("7"), Character.isLetter("x"), Character.toUpperCase("q"), Character.isWhitespace(" ")
print Integer.compare(3, 5), Integer.signum(-9), Integer.bitCount(7)
