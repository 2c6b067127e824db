# sys.exc_clear() forgets the handled exception.
import sys
try:
    [][1]
except IndexError:
    pass
sys.exc_clear()
print sys.exc_info()
