# / between ints floors, also with negatives and in augmented assignment.
print 7 / 2, -7 / 2, 7 / -2, 1 / 3, 6 / 3
n = 10
n /= 4
print n
print 7.0 / 2, 7 / 2.0, 2 ** -1
