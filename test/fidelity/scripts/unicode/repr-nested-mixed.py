# Nested containers of unicode, str, numbers and None.
row = {u"name": u"Pump", "ok": True, "values": [1, 2.5, None, u"x", ("t", u"u")]}
print repr(row[u"name"]), row["values"], row["ok"]
