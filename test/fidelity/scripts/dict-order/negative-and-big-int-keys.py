# Negative ints and ints beyond 32 bits as keys.
d = {-5: "a", -100: "b", 2 ** 40: "c", 7: "d", -2 ** 33: "e"}
print d.keys()
