# __getslice__ is used for simple slices of old-style sequences.
class Seq(object):
    def __getitem__(self, i):
        return "item %r" % (i,)
    def __getslice__(self, i, j):
        return "slice %d:%d" % (i, j)
s = Seq()
print s[1], s[1:3], s[::2]
