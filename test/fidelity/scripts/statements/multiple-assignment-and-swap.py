# Tuple unpacking and swapping.
a, b = 1, 2
a, b = b, a
(c, d), e = (3, 4), 5
print a, b, c, d, e
first, rest = "x", [1, 2]
print first, rest
