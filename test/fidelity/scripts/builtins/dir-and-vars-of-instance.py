# vars() and __dict__ of an instance.
class Row(object):
    def __init__(self):
        self.id = 1
        self.name = "x"
print sorted(vars(Row()).items()), sorted(Row().__dict__)
