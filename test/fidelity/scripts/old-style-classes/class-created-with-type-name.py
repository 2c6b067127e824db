# Mixing old- and new-style bases makes a new-style class.
class Old:
    pass
class Mixed(Old, object):
    pass
print type(Mixed).__name__, type(Mixed()).__name__
