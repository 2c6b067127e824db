# java.lang.Long, Double and Boolean parsing and constants.
from java.lang import Long, Double, Boolean
print Long.parseLong("123456789012"), Double.parseDouble("2.5") * 2, Boolean.parseBoolean("TRUE")
print Double.isNaN(float("nan")), Long.MAX_VALUE
print Double.valueOf("1e3"), Boolean.TRUE, Boolean.FALSE
