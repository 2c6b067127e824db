# Closures see the variable's final value.
fs = [lambda: i for i in range(3)]
print [f() for f in fs]
fs2 = [lambda i=i: i for i in range(3)]
print [f() for f in fs2]
