# An f-string does not compile on Jython 2.7: the whole script fails.
# fidelity: strict (lenient mode lowers the f-string on purpose; test/integration/engine-jython.test.ts checks that)
name = "x"
print "before"
print f"{name}"
