# <> means !=.
print 1 <> 2, "a" <> "a", None <> 0
