# __getattr__ is called only for missing attributes.
class Props(object):
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        return "default:" + name
p = Props()
print p.real, p.missing, getattr(p, "other"), hasattr(p, "anything")
