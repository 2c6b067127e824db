# str(float) when building labels.
temp = 72.123456789
print "Temp: " + str(temp) + " F"
print "Level " + str(100 * 0.07) + "%"
print str(1.1 * 3), str(0.1 * 3)
