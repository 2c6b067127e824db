# Default repr of old-style instances and classes.
class Thing:
    pass
print repr(Thing())[:22], repr(Thing)[:15], str(Thing)
