# Rows as dicts in a list, printed.
rows = [{"id": 1, "name": "a", "qty": 5}, {"id": 2, "name": "b", "qty": 0}]
print rows
