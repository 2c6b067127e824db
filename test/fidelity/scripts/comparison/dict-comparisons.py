# Dicts compare with each other in Python 2.
print {} < {1: 2}, {1: 2} == {1: 2}, {1: 2} < {1: 3}, cmp({}, {}), {"a": 1} > {"b": 0}
