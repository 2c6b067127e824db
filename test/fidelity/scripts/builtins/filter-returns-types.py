# filter of a string or tuple keeps its type.
print filter(str.isdigit, "a1b2"), filter(None, (0, 1, 2)), filter(lambda x: x > 1, [1, 2, 3])
