# java.util.UUID.fromString round-trips and Java String comparison methods.
from java.util import UUID
u = UUID.fromString("123e4567-e89b-12d3-a456-426614174000")
print u, u.toString().upper(), u.version()
from java.lang import String
print String("abc").compareTo("abd"), String("Abc").equalsIgnoreCase("aBC")
