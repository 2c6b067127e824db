# Float and bool keys.
d = {1.5: "a", 2.0: "b", 0.1: "c", True: "d", -3.25: "e"}
print d.keys()
