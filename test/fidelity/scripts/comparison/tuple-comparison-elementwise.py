# Tuples compare element by element, with None inside.
print (1, None) < (1, 2), (1, "a") < (1, 2), sorted([(2, None), (1, "x"), (1, 3)])
