# Everyday builtins.
print list(enumerate("ab", 1)), sorted("cba"), list(reversed([1, 2, 3])), sum([1, 2], 10)
print all([1, "a"]), any([0, ""]), abs(-2.5), divmod(9, 4), pow(2, 5)
