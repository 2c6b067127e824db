# New-style classes have unbound methods in Python 2 too.
class Valve(object):
    def open(self):
        return "open"
print repr(Valve.open)[:26]
try:
    Valve.open("x")
except TypeError, e:
    print "TypeError:", e
