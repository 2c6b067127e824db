# split of unicode gives unicode pieces; join of str pieces gives str.
parts = u"a,b,c".split(u",")
print parts, repr(u"-".join(parts)), repr("-".join(["a", "b"]))
