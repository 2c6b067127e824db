# Booleans are numbers in comparisons.
print True > 0, False < 1, True == 1, sorted([True, 0, -1, False, 2]), max(True, 0.5)
