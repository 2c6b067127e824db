# A dict literal of string keys prints in Jython's hash-table order, not the order written.
d = {"theme": "dark", "language": "en", "zoom": 100, "layout": "grid", "alarms": True}
print d
print d.keys()
print d.values()
