# max and min with key functions over records.
records = [{"n": "a", "v": 3}, {"n": "b", "v": None}, {"n": "c", "v": 7}]
print max(records, key=lambda r: r["v"])["n"], min(records, key=lambda r: r["v"])["n"]
