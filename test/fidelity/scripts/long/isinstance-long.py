# isinstance against int and long.
big = 2 ** 40
print isinstance(big, long), isinstance(big, int), isinstance(5, long), isinstance(5L, (int, long))
print isinstance(True, int), type(True).__name__
