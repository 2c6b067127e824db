# Long and float arithmetic.
print 2 ** 64 * 1.0, float(2 ** 64), 10L / 4, 10L / 4.0, float(10L)
