# Longs deep inside structures.
data = {"ids": [1L, 2L], "total": 3L, "pair": (4L, "x")}
print data["ids"], data["pair"], [data["total"]]
