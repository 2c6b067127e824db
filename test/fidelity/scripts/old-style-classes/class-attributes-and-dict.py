# Class attributes, __dict__ and __bases__ of old-style classes.
class Config:
    """Docs."""
    level = 3
class Child(Config):
    pass
print Child.level, Child.__bases__[0].__name__, sorted(k for k in Config.__dict__ if not k.startswith("__")), Config.__doc__
