# sys.maxint and its neighbours.
import sys
print sys.maxint, -sys.maxint - 1, repr(sys.maxint * 2), repr(sys.maxint // 2), repr(-(-sys.maxint - 1))
