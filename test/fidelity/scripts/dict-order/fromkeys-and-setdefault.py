# dict.fromkeys and setdefault.
d = dict.fromkeys(["alpha", "beta", "gamma", "delta"], 0)
print d
d.setdefault("epsilon", []).append(1)
print d.keys()
