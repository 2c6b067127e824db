# sum and max of mixed ints and longs.
vals = [1, 2L, 3]
print repr(sum(vals)), repr(max(vals)), repr(min(vals)), repr(sum([1, 2]))
