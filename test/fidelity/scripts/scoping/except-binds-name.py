# except E, e leaves e bound after the handler.
try:
    int("x")
except ValueError, e:
    pass
print type(e).__name__, e
