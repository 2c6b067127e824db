# Methods read from the class are unbound methods.
class Pump:
    def start(self):
        return "started"
print Pump.start.__name__, Pump.start(Pump()), repr(Pump.start)[:22]
try:
    Pump.start(5)
except TypeError, e:
    print "TypeError:", e
