# Long keys, as tag paths.
d = {}
for path in ["[default]Line1/Speed", "[default]Line1/State", "[default]Line2/Speed", "[default]Line2/State", "[edge]Tank/Level"]:
    d[path] = len(path)
print d.keys()
