# Longs as list indexes and in slices.
items = ["a", "b", "c", "d"]
print items[1L], items[1L:3L], "abc"[2L], range(3L)
