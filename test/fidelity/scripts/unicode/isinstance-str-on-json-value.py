# A value decoded from JSON is unicode, so a check for str fails as on a gateway.
import json
value = json.loads('"Filler"')
if isinstance(value, str):
    print "str branch"
else:
    print "not a str:", type(value).__name__
print isinstance(value, basestring)
