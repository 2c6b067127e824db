# Decorators, properties and staticmethod.
def logged(f):
    def wrapper(*a):
        print "call", f.__name__
        return f(*a)
    return wrapper
class Tank(object):
    def __init__(self):
        self._level = 3
    @property
    def level(self):
        return self._level
    @staticmethod
    @logged
    def unit():
        return "L"
print Tank().level, Tank.unit()
