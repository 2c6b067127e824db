# IndexError of an index computed from variables, len() and arithmetic, caught and uncaught, names the index.
readings = [20.5, 21.0, 19.8]
index = 3
try:
    print readings[index]
except IndexError, e:
    print "no reading:", e
i = 1
try:
    readings[i * 4 - 1]
except IndexError, e:
    print "IndexError:", e
try:
    readings[len(readings)]
except IndexError, e:
    print "off by one:", e
def last_but(n):
    return readings[-n]
print last_but(1)
print last_but(5)
