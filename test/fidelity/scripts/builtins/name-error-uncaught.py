# An uncaught NameError ends the script at its line.
def onMessage(payload):
    return payload["x"] + offset
print "before"
onMessage({"x": 1})
