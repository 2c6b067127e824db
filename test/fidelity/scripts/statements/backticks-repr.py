# Backticks are repr.
x = [1, "a", u"b"]
print `x`, `1 + 2`, `"s"`
