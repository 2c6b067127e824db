# json.loads returns unicode strings and keys.
import json
doc = json.loads('{"line": "Filler", "tags": ["a", "b"], "n": 3}')
print repr(doc["line"]), repr(doc["tags"]), type(doc["n"]).__name__
print repr(sorted(doc.keys()))
