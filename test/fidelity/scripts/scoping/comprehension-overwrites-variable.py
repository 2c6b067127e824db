# The leaking variable overwrites a variable of the same name.
row = "header"
data = [row for row in ["r1", "r2", "r3"]]
print row
