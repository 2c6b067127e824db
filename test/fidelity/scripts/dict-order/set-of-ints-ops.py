# Union and difference of int sets.
a = set(range(0, 40, 3))
b = set(range(0, 40, 5))
print a | b
print a - b
