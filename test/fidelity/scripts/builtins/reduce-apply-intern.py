# reduce, apply, intern, buffer-free builtins of Python 2.
print reduce(lambda a, b: a * b, [1, 2, 3, 4], 1), apply(max, [3, 7]), apply(dict, (), {"a": 1})
print intern("abc") is intern("abc"), callable(len), callable(5)
