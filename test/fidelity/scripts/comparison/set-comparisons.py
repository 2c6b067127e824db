# Sets compare by subset.
a, b = set([1, 2]), set([1, 2, 3])
print a < b, b > a, a <= a, a == set([2, 1]), set() < a, a < set([5])
