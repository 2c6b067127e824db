# sort is stable with a key.
people = [("amy", 30), ("bob", 25), ("cid", 30), ("dan", 25)]
print sorted(people, key=lambda p: p[1])
