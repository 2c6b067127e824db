# Deep recursion raises RuntimeError in Python 2.
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RuntimeError, e:
    print "RuntimeError:", "recursion" in str(e)
