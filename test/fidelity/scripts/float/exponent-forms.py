# Small and large magnitudes in str and repr.
for v in [1e-4, 1.5e-7, 12345678901234.5, 2.5e100, 1e300 * 10]:
    print v, repr(v)
