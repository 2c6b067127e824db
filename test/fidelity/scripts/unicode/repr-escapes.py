# Escapes in reprs: non-ASCII unicode shows \x / \u escapes, quotes switch.
print repr(u"caf\xe9"), repr(u"\u2603"), repr(u"it's"), repr(u'say "hi"'), repr(u"tab\there")
print repr("new\nline"), repr("\x00\x7f"), repr("it's"), repr('both \' and "')
