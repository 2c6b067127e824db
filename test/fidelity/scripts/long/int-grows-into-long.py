# An int that outgrows 32 bits becomes a long.
import sys
n = sys.maxint
print n, type(n).__name__, n + 1, type(n + 1).__name__, repr(n + 1)
print type(2 ** 31).__name__, type(2 ** 30).__name__, repr(2 ** 62), type(-sys.maxint - 1).__name__, type(-sys.maxint - 2).__name__
