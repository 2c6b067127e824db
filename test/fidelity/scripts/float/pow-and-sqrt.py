# Powers: ints stay ints, negative exponents give floats.
import math
print 2 ** 10, 2 ** -2, 2.0 ** 3, pow(2, 3, 5), math.sqrt(2), math.pow(2, 0.5)
print 10 ** 15, 10 ** 16 / 3, (-8) ** (1.0 / 3) if False else "skip"
