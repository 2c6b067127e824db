# Without __unicode__, unicode() uses __str__.
class Tag(object):
    def __str__(self):
        return "Tag/Path"
print repr(unicode(Tag())), repr(str(Tag()))
