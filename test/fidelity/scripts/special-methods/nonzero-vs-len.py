# __nonzero__ wins over __len__; without it, __len__ decides.
class A(object):
    def __len__(self):
        return 0
    def __nonzero__(self):
        return True
class B(object):
    def __len__(self):
        return 0
print bool(A()), bool(B()), len(A())
