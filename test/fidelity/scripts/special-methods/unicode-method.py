# __unicode__ serves unicode(); __str__ serves str().
class Label(object):
    def __str__(self):
        return "label-str"
    def __unicode__(self):
        return u"label-unicode"
l = Label()
print str(l), unicode(l), repr(unicode(l)), "%s" % l, u"%s" % l
