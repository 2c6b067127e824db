# A for loop's variable keeps its last value.
for i in range(3):
    pass
print i
for line in []:
    pass
print "line" in dir()
