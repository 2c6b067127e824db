# Nested fors leak both variables.
pairs = [(i, j) for i in range(2) for j in range(3)]
print pairs[-1], i, j
