# Methods of unicode return unicode; methods of str return str.
u = u" Tank A "
print repr(u.strip()), repr(u.upper()), repr(u.split()), repr(u.replace(u"A", u"B")), repr(u[1:5])
s = " Tank A "
print repr(s.strip()), repr(s.split()), repr(s.lower()), repr(s[1])
