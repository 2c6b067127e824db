# Octal literals with a leading zero, long literals with L.
print 0777, 010 + 1, 0L, 0xFFL, 1e3
