# Adjacent string literals concatenate.
s = "abc" "def" 'g'
print s, len(s)
