# json.dumps of unicode and byte strings, ensure_ascii escapes.
import json
print json.dumps(u"caf\xe9"), json.dumps("plain"), json.dumps([u"a", "b"])
print json.dumps(u"caf\xe9", ensure_ascii=False) == u'"caf\xe9"'
