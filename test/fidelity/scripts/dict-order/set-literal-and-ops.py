# Set literals and set operations.
a = {"x", "y", "z", "w"}
b = {"y", "w", "q"}
print a | b
print a & b, a - b, a ^ b
