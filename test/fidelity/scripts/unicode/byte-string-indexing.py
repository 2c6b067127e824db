# Indexing a UTF-8 byte string gives single bytes.
data = u"\xe9t\xe9".encode("utf-8")
print len(data), repr(data[0]), repr(data[:2]), [ord(c) for c in data]
