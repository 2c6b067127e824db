# A metaclass that adds attributes to each class it makes.
class Tagged(type):
    def __init__(cls, name, bases, ns):
        super(Tagged, cls).__init__(name, bases, ns)
        cls.tag = name.lower()
class Motor(object):
    __metaclass__ = Tagged
print Motor.tag, Motor().tag
