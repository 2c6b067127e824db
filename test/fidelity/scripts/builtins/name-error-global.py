# NameError inside a function names a global name in Python 2.
def handler():
    return undefined_tag_value
try:
    handler()
except NameError, e:
    print "NameError:", e
try:
    print also_missing
except NameError, e:
    print "NameError:", e
