# Big products grow without limit.
import math
print math.factorial(25), repr(math.factorial(5)), repr(math.factorial(20))
p = 1
for i in range(1, 16):
    p *= i
print p, repr(p), type(p).__name__
