# In-place operators fall back to the binary ones.
class Counter(object):
    def __init__(self, n):
        self.n = n
    def __add__(self, k):
        return Counter(self.n + k)
c = Counter(1)
c += 5
print c.n
