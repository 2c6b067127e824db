# Building a dict of dicts in a loop.
areas = {}
for line, area in [("L1", "north"), ("L2", "south"), ("L3", "north"), ("L4", "east")]:
    areas.setdefault(area, []).append(line)
print areas
