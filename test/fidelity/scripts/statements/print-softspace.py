# print after a string ending in a newline does not add a space.
print "a\n", "b"
print "tab\t", "x"
print "", ""
