# Scaling raw PLC counts to engineering units.
raw = 16383
scaled = raw / 32767.0 * 100
print scaled, round(scaled, 1), int(scaled), "%.3f" % scaled
low, high = 4.0, 20.0
ma = 12.0
print (ma - low) / (high - low) * 100
