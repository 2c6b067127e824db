# An uncaught exception reports the line of the innermost frame of the script.
def inner(d):
    return d["missing"]
def outer():
    return inner({})
print "start"
outer()
