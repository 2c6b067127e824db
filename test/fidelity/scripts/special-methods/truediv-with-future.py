# With from __future__ import division, / calls __truediv__.
from __future__ import division
class Ratio(object):
    def __init__(self, v):
        self.v = v
    def __truediv__(self, n):
        return "truediv %s" % (self.v / n)
    def __div__(self, n):
        return "div"
print Ratio(7) / 2, 7 / 2, 7 // 2
