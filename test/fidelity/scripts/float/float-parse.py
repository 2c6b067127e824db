# float() of strings, including whitespace, inf and nan.
print float("2.50"), float(" 3 "), float("1e3"), float("-inf"), float("nan") != float("nan")
try:
    float("abc")
except ValueError, e:
    print "ValueError:", e
