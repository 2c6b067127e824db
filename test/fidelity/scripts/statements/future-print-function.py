# from __future__ import print_function makes print a function.
from __future__ import print_function
print("a", "b", sep="-", end="!\n")
print("x")
