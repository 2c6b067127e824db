# Epoch milliseconds are longs in Jython; arithmetic on them stays long.
start = 1700000000000
print repr(start), type(start).__name__
elapsed = start + 5000 - start
print repr(elapsed), elapsed / 1000, repr(elapsed / 1000)
