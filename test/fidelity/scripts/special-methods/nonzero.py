# __nonzero__ decides truth.
class Queue(object):
    def __init__(self, items):
        self.items = items
    def __nonzero__(self):
        return len(self.items) > 0
print bool(Queue([])), bool(Queue([1])), not Queue([]), "yes" if Queue([2]) else "no"
