# items() of a payload-like dict.
payload = {"line": "Filler", "qty": 12, "operator": "amy", "priority": 2, "shift": "B", "note": ""}
for k, v in payload.items():
    print k, v
