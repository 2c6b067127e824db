# json.dumps of longs writes plain digits.
import json
print json.dumps({"n": 5L}), json.dumps([2 ** 40, 3L]), json.loads("12345678901"), repr(json.loads("12345678901"))
