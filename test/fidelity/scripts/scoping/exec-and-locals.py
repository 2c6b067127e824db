# exec in a function's namespace dict and vars().
ns = {}
exec "a = 1\nb = a + 1" in ns
print ns["a"], ns["b"], sorted(k for k in ns if not k.startswith("__"))
