# Instances of a class without comparison methods compare by identity, but equality is identity.
class Box(object):
    pass
a, b = Box(), Box()
print a == a, a == b, a != b, (a < b) in (True, False)
