# A long stays long through arithmetic, also when an int that overflowed comes back within 32 bits.
import sys
big = sys.maxint + 1
back = big - 1
print repr(big), repr(back), type(back).__name__
product = 65536 * 65536
print repr(product), repr(product / 65536), repr(product // 65536 - 1)
