# Float division by zero raises ZeroDivisionError with Python 2's message.
try:
    1.0 / 0
except ZeroDivisionError, e:
    print "ZeroDivisionError:", e
try:
    5 % 0
except ZeroDivisionError, e:
    print "ZeroDivisionError:", e
try:
    2.0 % 0
except ZeroDivisionError, e:
    print "ZeroDivisionError:", e
