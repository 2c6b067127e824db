# A re-raised exception keeps its type; an uncaught one ends the script at the line that raised it.
def load(n):
    if n > 1:
        raise KeyError("row %d" % n)
    return n
try:
    load(2)
except KeyError:
    print "handled once"
for i in range(3):
    load(i)
