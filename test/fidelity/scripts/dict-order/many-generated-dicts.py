# Two hundred dicts and sets built from a fixed pseudo-random sequence (sizes across resizes, deletions, string, int
# and tuple keys): every one must iterate in Jython's order.
state = [12345]
def rand(n):
    state[0] = (state[0] * 1103515245 + 12345) % 2147483648
    return state[0] % n
letters = "abcdefghijklmnopqrstuvwxyz_0123456789"
def key(kind):
    if kind == 0:
        return "".join(letters[rand(len(letters))] for _ in range(1 + rand(10)))
    if kind == 1:
        return rand(5000) - 100
    return (rand(6), rand(6))
for case in range(200):
    size = [3, 9, 17, 23, 24, 25, 40, 70, 130][rand(9)]
    kind = rand(3)
    d = {}
    s = set()
    for i in range(size):
        k = key(kind)
        d[k] = i
        s.add(k)
        if rand(7) == 0 and d:
            victim = d.keys()[rand(len(d))]
            del d[victim]
            s.discard(victim)
    print case, d.keys() == list(d), d.keys()
    print case, list(s)
