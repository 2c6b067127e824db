# Converting Java collections to Python types before formatting and JSON.
from java.util import ArrayList, HashMap
import json
rows = ArrayList()
for i in range(3):
    rows.add(i * 10)
m = HashMap()
m.put("rows", 3)
print list(rows), dict(m), json.dumps(list(rows))
print len(dict(m)), sum(rows)
