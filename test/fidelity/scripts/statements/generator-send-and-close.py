# Generators: send, close, yield as expression.
def acc():
    total = 0
    while True:
        got = yield total
        if got is None:
            break
        total += got
g = acc()
print g.next(), g.send(5), g.send(10)
g.close()
print "closed"
