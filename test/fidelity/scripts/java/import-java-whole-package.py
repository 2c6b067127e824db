# Scripts that import java and use qualified names.
import java
d = java.util.Date(86400000)
l = java.util.ArrayList()
l.add(d.getTime())
print l, java.lang.Math.abs(-3), java.lang.Integer.parseInt("9")
