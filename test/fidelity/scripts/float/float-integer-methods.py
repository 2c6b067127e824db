# is_integer, as_integer_ratio, hex.
print (2.0).is_integer(), (2.5).is_integer(), (0.75).as_integer_ratio(), (1.0).hex()
