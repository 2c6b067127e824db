# Generator expressions, set and dict comprehensions have their own scope.
total = sum(g for g in range(4))
s = {m for m in range(3)}
d = {k: 1 for k in range(2)}
for var in ("g", "m", "k"):
    print var, var in dir()
