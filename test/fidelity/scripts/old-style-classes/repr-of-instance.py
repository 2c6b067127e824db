# Default repr of old-style instances and classes (the module part is left out: it names the script).
class Thing:
    pass
print repr(Thing()).split()[1], repr(Thing()).split()[2], repr(Thing).split()[0], str(Thing).split(".")[-1]
