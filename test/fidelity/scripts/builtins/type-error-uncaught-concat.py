# The classic logging mistake: concatenating a number into a message, uncaught.
count = 3
message = "Rows loaded: " + count
print message
