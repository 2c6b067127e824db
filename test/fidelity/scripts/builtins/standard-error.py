# StandardError is the base of the built-in errors.
print issubclass(ValueError, StandardError), issubclass(StopIteration, StandardError), issubclass(KeyError, LookupError)
try:
    raise StandardError("base")
except StandardError, e:
    print "caught", e
