# isinstance with tuples of types and basestring.
for v in ["s", u"u", 1, 1L, 1.0, None, [], {}]:
    print isinstance(v, (int, long, float)), isinstance(v, basestring),
print
