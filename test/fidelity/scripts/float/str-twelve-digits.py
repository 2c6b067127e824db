# str() and print of a float use 12 significant digits; repr uses the shortest form.
x = 1 / 3.0
print x, str(x), repr(x), [x], (x,)
print 2 / 3.0, 10 / 3.0, 100 / 7.0, 1e6 / 7
