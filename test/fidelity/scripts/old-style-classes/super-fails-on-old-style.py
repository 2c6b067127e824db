# super() needs a new-style class.
class Old:
    def hello(self):
        return "hi"
class Sub(Old):
    def hello(self):
        return super(Sub, self).hello()
try:
    Sub().hello()
except TypeError, e:
    print "TypeError:", e
print Old.hello(Sub())
