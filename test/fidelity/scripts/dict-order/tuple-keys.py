# Tuple keys, as scripts key by (row, col).
grid = {}
for r in range(3):
    for c in range(2):
        grid[(r, c)] = r * 10 + c
print grid.keys()
print grid
