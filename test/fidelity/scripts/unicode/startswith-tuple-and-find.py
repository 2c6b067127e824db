# startswith with a tuple, find, rfind and count across types.
p = u"/views/Main/Header"
print p.startswith(("/views", "/pages")), p.find("Main"), p.rfind("/"), p.count(u"/")
print "abcabc".count("b"), "abc".index("c")
