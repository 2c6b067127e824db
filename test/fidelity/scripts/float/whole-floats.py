# Whole floats keep their .0; large ones switch to exponent form.
print 2.0, 1e15, 1e16, 1e17, 123456789012.0, 1234567890123.0, -0.0
print str(1e22), repr(1e22), 1.5e-5, 0.0001, 0.00001
