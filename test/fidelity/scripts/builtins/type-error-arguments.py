# Calling a function with the wrong number of arguments.
def f(a, b):
    return a
try:
    f(1)
except TypeError, e:
    print "TypeError:", e
try:
    f(1, 2, 3)
except TypeError, e:
    print "TypeError:", e
def g(a, b=2):
    return a
try:
    g()
except TypeError, e:
    print "TypeError:", e
try:
    f(1, c=3)
except TypeError, e:
    print "TypeError:", e
