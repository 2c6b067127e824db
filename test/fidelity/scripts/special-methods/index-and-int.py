# __int__, __float__, __index__, __long__.
class Qty(object):
    def __int__(self):
        return 7
    def __float__(self):
        return 7.5
    def __index__(self):
        return 2
    def __long__(self):
        return 9L
q = Qty()
print int(q), float(q), ["a", "b", "c"][q], repr(long(q)), hex(q)
