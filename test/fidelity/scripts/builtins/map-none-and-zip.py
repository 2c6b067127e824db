# map(None, ...) pads shorter sequences with None.
print map(None, [1, 2, 3], ["a", "b"]), map(None, [1, 2]), map(lambda a, b: (a, b), [1], [2])
print zip([1, 2, 3], "ab"), map(str, [1, 2])
