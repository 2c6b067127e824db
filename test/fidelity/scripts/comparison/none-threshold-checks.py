# Tag values that are None compared with thresholds, as alarm scripts do.
values = {"speed": None, "temp": 71.5, "level": 0}
for name in sorted(values):
    v = values[name]
    print name, v > 50, v < 50, v >= 0, v == 0
