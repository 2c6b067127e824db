# Printing non-ASCII unicode writes its characters.
print u"Temp \xb0C"
print u"\u2603", u"caf\xe9"
