# __div__ implements / when the script has no division import.
class Money(object):
    def __init__(self, cents):
        self.cents = cents
    def __div__(self, n):
        return Money(self.cents / n)
    def __rdiv__(self, n):
        return n / float(self.cents)
    def __repr__(self):
        return "Money(%d)" % self.cents
print Money(100) / 3, 50 / Money(200)
