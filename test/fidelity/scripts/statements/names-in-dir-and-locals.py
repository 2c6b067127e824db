# dir(), locals() and globals() list the names a script bound, and nothing else (the runtime's system and
# periscope_has_function, which every script namespace holds, are left out).
low, high = 0, 10
value = 5
ok = low < value < high
print sorted(n for n in dir() if not n.startswith("__") and n not in ("system", "periscope_has_function"))
def span((start, end)):
    return sorted(locals().keys())
print span((1, 4)), ok
