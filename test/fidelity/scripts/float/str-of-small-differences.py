# Values near integers and results of repeated addition.
x = 0.0
for i in range(10):
    x += 0.1
print x, repr(x), x == 1.0, str(x) == "1.0"
print 1 - 1e-13, 1 - 1e-11, 99.99999999999
