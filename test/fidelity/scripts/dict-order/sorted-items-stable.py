# Sorting items is the portable way; it matches on both.
d = {"b": 2, "a": 1, "c": 3}
print sorted(d.items()), sorted(d, reverse=True)
