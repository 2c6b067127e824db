# Formatting longs with format and %.
print "{0}".format(7L), "{0:,}".format(2 ** 40), "%5d|" % 7L, "%-5s|" % 7L, format(3L, "03d")
