# __call__ and __contains__.
class Range(object):
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi
    def __contains__(self, v):
        return self.lo <= v <= self.hi
    def __call__(self, v):
        return max(self.lo, min(self.hi, v))
r = Range(0, 10)
print 5 in r, 11 in r, r(15), r(-3)
