# __metaclass__ in a class body sets its metaclass.
class Registry(type):
    classes = []
    def __new__(mcs, name, bases, ns):
        cls = type.__new__(mcs, name, bases, ns)
        Registry.classes.append(name)
        return cls
class Base(object):
    __metaclass__ = Registry
class Pump(Base):
    pass
print Registry.classes, type(Pump).__name__, isinstance(Pump, Registry)
