# Trigonometry and logs print with 12 significant digits.
import math
print math.pi, math.e, math.sin(1), math.log(10), math.log10(2), math.exp(1.5)
print math.degrees(1), math.radians(180), math.hypot(3, 4)
