# The message attribute of Python 2 exceptions.
e = ValueError("bad")
print e.message, repr(ValueError().message), ValueError("a", "b").message == ""
try:
    raise RuntimeError("stop")
except RuntimeError, err:
    print err.message
