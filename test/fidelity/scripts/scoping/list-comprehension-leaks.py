# A list comprehension's loop variable stays bound after it, with its last value.
squares = [n * n for n in range(5)]
print squares, n
names = [name.upper() for name in ["a", "b"]]
print name
