# __getattr__ and __setattr__ on old-style classes.
class Bag:
    def __init__(self):
        self.__dict__["data"] = {}
    def __getattr__(self, name):
        return self.data.get(name, "?")
    def __setattr__(self, name, value):
        self.data[name] = value
b = Bag()
b.x = 1
print b.x, b.y, b.data
