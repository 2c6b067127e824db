# has_key, viewkeys and friends.
d = {"a": 1}
print d.has_key("a"), d.has_key("b"), sorted(d.viewkeys()), list(d.viewvalues()), list(d.viewitems())
