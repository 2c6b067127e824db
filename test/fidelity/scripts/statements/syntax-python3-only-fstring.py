# An f-string does not compile on Jython 2.7: the whole script fails.
name = "x"
print "before"
print f"{name}"
