# __cmp__ orders instances for sort, min, max and comparisons.
class Reading(object):
    def __init__(self, value):
        self.value = value
    def __cmp__(self, other):
        return cmp(self.value, other.value)
    def __repr__(self):
        return "Reading(%s)" % self.value
rs = [Reading(3), Reading(1), Reading(2)]
print sorted(rs), min(rs), max(rs), Reading(1) < Reading(2), Reading(2) == Reading(2)
