# type(x) is the same for all old-style instances.
class A:
    pass
class B:
    pass
print type(A()) == type(B()), type(A()) is type(A())
import types
print type(A()) is types.InstanceType, type(A) is types.ClassType
