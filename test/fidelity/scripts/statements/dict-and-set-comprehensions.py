# Comprehensions Python 2.7 has.
print sorted({x % 3 for x in range(10)}), sorted({x: x * x for x in range(3)}.items())
