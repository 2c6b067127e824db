# Joining keys into a message, as scripts log them.
prefs = {"theme": "dark", "language": "en", "units": "metric", "timezone": "UTC"}
print "prefs: " + ", ".join(prefs)
print "; ".join("%s=%s" % kv for kv in prefs.items())
