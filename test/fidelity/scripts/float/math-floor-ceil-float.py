# math.floor and math.ceil return floats in Python 2.
import math
print math.floor(2.7), math.ceil(2.1), type(math.floor(2)).__name__, math.floor(-0.5)
print int(math.floor(7.9)), math.trunc(-2.5), math.fabs(-3)
