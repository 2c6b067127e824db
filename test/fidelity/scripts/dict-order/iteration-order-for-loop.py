# for k in d walks the same order as keys().
counts = {}
for word in "pump valve tank pump motor valve pump sensor".split():
    counts[word] = counts.get(word, 0) + 1
for k in counts:
    print k, counts[k]
print counts.keys() == list(counts)
