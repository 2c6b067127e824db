# A Java exception's cause and its toString.
from java.lang import RuntimeException, IllegalStateException
inner = IllegalStateException("inner problem")
outer = RuntimeException("outer problem", inner)
print outer.getMessage(), outer.getCause().getMessage()
print outer.toString()
print inner
