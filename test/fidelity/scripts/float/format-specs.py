# % and format() specifications on floats.
v = 1234.5678
print "%.1f|%10.3f|%-10.2f|%e|%g|%G" % (v, v, v, v, v, 1e-10)
print "{0:.2f} {0:,.2f} {0:e} {0:g} {1:.0%}".format(v, 0.256)
print "%d" % 3.99, "%i" % -2.5, "%5.1f%%" % 12.34
