# int() of a small long gives an int; of a big one, a long.
print repr(int(5L)), repr(int(2 ** 40)), repr(long(5)), repr(long("12")), repr(long("7L") if False else 7L)
print repr(int("99999999999")), type(int("99999999999")).__name__
