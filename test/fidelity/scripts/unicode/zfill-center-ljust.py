# Padding methods on both types.
print repr("7".zfill(3)), repr(u"7".zfill(3)), repr("ab".center(6, "*")), repr(u"ab".ljust(4)), repr("ab".rjust(4, "."))
