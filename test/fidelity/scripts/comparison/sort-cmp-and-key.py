# sorted with both cmp and key, and reverse.
words = ["Pump", "valve", "Tank", "motor"]
print sorted(words, cmp=lambda a, b: cmp(a, b), key=str.lower)
print sorted(words, key=str.lower, reverse=True), sorted(words, reverse=True)
