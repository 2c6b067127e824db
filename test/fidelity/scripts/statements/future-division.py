# from __future__ import division makes / true division.
from __future__ import division
print 7 / 2, 7 // 2, 1 / 3
n = 9
n /= 2
print n
