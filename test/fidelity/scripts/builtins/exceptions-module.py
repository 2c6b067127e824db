# The exceptions module lists the built-in exception classes.
import exceptions
print exceptions.ValueError is ValueError, issubclass(exceptions.StandardError, Exception)
