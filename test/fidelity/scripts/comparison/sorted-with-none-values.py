# Sorting values that include None puts None first.
print sorted([3, None, 1, None, 2]), sorted([3, None, 1], reverse=True)
print sorted([("b", None), ("a", 2), ("c", 1)], key=lambda t: t[1])
