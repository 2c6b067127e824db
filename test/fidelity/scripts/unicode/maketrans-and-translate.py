# string.maketrans and str.translate, including deleting characters with None.
import string
table = string.maketrans("abc", "xyz")
print "aabbcc".translate(table), "hello world".translate(None, "lo")
print "tag-name_1".translate(string.maketrans("-_", "  "))
