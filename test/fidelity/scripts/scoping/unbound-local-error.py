# Assigning a name anywhere in a function makes it local: reading it first fails.
total = 5
def add():
    total = total + 1
    return total
try:
    add()
except UnboundLocalError, e:
    print "UnboundLocalError:", e
