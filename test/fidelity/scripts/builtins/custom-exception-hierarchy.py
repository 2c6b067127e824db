# Project exception classes with args and __str__.
class TagError(Exception):
    def __init__(self, path, reason):
        Exception.__init__(self, path, reason)
        self.path = path
    def __str__(self):
        return "%s: %s" % self.args
try:
    raise TagError("[default]Line1/Speed", "Bad_NotFound")
except Exception, e:
    print e, e.path, isinstance(e, TagError), e.args
