# sorted() of a list mixing numbers, strings, None, lists and tuples.
print sorted([3, "a", None, 2.5, [1], (1,), "B", -1, {}])
