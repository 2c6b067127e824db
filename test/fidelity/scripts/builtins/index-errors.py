# IndexError messages of lists, strings and tuples.
for seq in ([1], "a", (1,)):
    try:
        seq[5]
    except IndexError, e:
        print "IndexError:", e
try:
    [].pop()
except IndexError, e:
    print "IndexError:", e
