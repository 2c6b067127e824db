# A class with __getitem__ iterates until IndexError.
class Rows(object):
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i
print list(Rows(4)), 9 in Rows(4), [r for r in Rows(3)]
