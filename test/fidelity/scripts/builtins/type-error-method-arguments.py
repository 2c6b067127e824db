# Methods count self in their argument messages.
class Tank(object):
    def fill(self, amount):
        return amount
try:
    Tank().fill()
except TypeError, e:
    print "TypeError:", e
try:
    Tank().fill(1, 2)
except TypeError, e:
    print "TypeError:", e
