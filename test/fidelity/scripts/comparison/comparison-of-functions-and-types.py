# Comparing type objects and using them as sort keys.
print int < str if False else "-", sorted([str, int, float], key=lambda t: t.__name__)
print type(1) == int, type("") is str, type(1.0) != int
