# round() rounds halves away from zero on the exact value, returning a float.
print round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5)
print round(2.675, 2), round(1.005, 2), round(0.125, 2), round(2.345, 2)
print round(1234.5678, -2), round(7, 1), type(round(7)).__name__
