# json.dumps writes keys in the dict's iteration order.
import json
doc = {"name": "Filler", "state": "running", "speed": 120, "ok": True, "alarms": [], "area": "north"}
print json.dumps(doc)
print json.dumps(doc, sort_keys=True)
