# A JSON document read and written again comes out in hash order.
import json
text = '{"zulu": 1, "alpha": 2, "mike": 3, "bravo": 4, "echo": 5}'
print json.dumps(json.loads(text))
print json.loads(text).keys()
