# Reductions do not depend on order; max over items does on ties.
scores = {"amy": 3, "bob": 5, "cid": 5, "dan": 1}
print sum(scores.values()), max(scores.values())
print max(scores, key=lambda k: scores[k])
print sorted(scores, key=lambda k: scores[k])
