# Rich comparisons take precedence over __cmp__.
class Both(object):
    def __lt__(self, other):
        return "lt"
    def __cmp__(self, other):
        return 1
print Both() < Both(), Both() > Both()
