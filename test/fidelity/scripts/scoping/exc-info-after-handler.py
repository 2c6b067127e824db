# sys.exc_info() still describes the last handled exception after the handler in Python 2.
import sys
def check():
    try:
        1 / 0
    except ZeroDivisionError:
        pass
    kind, value, tb = sys.exc_info()
    return kind.__name__ if kind else None
print check()
