# Values nested a thousand levels deep print whole, and a list inside itself prints as [...].
d = 'end'
for i in range(1000):
    d = {'a': [d]}
text = str(d)
print len(text), text[:20], text[-20:]
loop = [1, 2]
loop.append(loop)
print loop, repr((loop,)), {'k': loop}
