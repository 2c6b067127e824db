# Division of longs: floor division and true division with floats.
print repr(7L / 2), repr(-7L / 2), repr(7L / 2.0), repr(2 ** 64 / 3)
