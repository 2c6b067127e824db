# Averages of sensor readings: the printed precision.
readings = [20.1, 20.4, 19.9, 20.7, 21.3]
avg = sum(readings) / len(readings)
print avg, round(avg, 2), "%.2f" % avg, "avg: " + str(avg)
print sum([0.1] * 10), sum([0.1] * 10) == 1.0
