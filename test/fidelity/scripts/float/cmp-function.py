# cmp() of numbers and strings.
print cmp(1, 2), cmp(2, 1), cmp(1.5, 1.5), cmp("a", "b"), cmp([1, 2], [1, 3]), cmp(None, 0)
