# Set comprehension, add, discard, pop.
s = {w.lower() for w in ["Pump", "VALVE", "pump", "Tank"]}
s.add("motor")
s.discard("tank")
print s
print s.pop(), len(s)
