# A dict comprehension inserts in the loop's order.
squares = {("n%d" % i): i * i for i in range(8)}
print squares
print {v: k for k, v in {"a": "x", "b": "y", "c": "z"}.items()}
