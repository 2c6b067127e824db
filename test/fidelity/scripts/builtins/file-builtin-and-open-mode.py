# The file type exists in Python 2.
print file.__name__, callable(file), open.__name__
