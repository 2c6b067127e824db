# Building log messages from payload dicts: the u prefix shows in what gets logged.
payload = {u"user": u"admin", u"roles": [u"Operator"]}
print "payload: %s" % payload
print "roles=" + str(payload[u"roles"])
print "user=%s roles=%r" % (payload[u"user"], payload[u"roles"])
