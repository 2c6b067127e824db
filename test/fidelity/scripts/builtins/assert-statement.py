# assert with and without a message.
try:
    assert 1 == 2, "values differ"
except AssertionError, e:
    print "AssertionError:", e
try:
    assert False
except AssertionError, e:
    print "AssertionError:", repr(str(e))
