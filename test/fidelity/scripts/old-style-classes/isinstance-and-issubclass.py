# isinstance and issubclass with old-style classes.
class A:
    pass
class B(A):
    pass
print isinstance(B(), A), issubclass(B, A), issubclass(A, B), isinstance(A(), B)
