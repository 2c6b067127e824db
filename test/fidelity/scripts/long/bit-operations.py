# Shifts and masks across the 32-bit boundary.
print 1 << 31, repr(1 << 31), repr(1 << 30), 0xFFFFFFFF, repr(0xFFFFFFFF), repr(0x7FFFFFFF)
print -1 >> 5, repr(2 ** 33 >> 30), ~5, repr(~5L)
