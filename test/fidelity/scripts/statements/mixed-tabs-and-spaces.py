# Indentation that mixes a tab with eight spaces, as exported bodies do.
def f(x):
	if x:
	        return "tab then spaces"
	return "tab"
print f(1), f(0)
