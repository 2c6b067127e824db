# except E as e also leaves e bound in Python 2.
try:
    {}["k"]
except KeyError as err:
    pass
print repr(err)
