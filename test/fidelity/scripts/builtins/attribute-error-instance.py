# AttributeError on instances names the class.
class Session(object):
    pass
s = Session()
try:
    s.props
except AttributeError, e:
    print "AttributeError:", e
class OldSession:
    pass
try:
    OldSession().props
except AttributeError, e:
    print "AttributeError:", e
