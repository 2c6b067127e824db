# hex and oct of ints and longs; octal literals.
print hex(255), hex(255L), hex(-1), hex(2 ** 40), oct(8), oct(0), oct(8L), 010, 0x1F
print "%x %o %X" % (255L, 8L, 2 ** 40)
