# The print statement: separators, trailing comma, empty print, tuples.
print "a", 1, None, True
print "no newline",
print "continues"
print
print ("x", "y")
print("single")
print ("a"), "b"
