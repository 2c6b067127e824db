# Inside a function the variable leaks into the function's locals.
def f():
    vals = [x * 2 for x in range(3)]
    return x, vals
print f()
