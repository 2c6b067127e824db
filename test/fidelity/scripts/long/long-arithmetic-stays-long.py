# Arithmetic with a long gives a long, even for small results.
a = 5L
print repr(a + 1), repr(a * 2), repr(a - 10), repr(a / 2), repr(a % 3), repr(-a), repr(abs(-a)), repr(a ** 2)
print repr(a // 2), repr(divmod(a, 2)), repr(a << 1), repr(a & 1)
