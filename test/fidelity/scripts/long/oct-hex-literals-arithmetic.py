# Octal and hex literals in arithmetic, as found in device bit masks.
FLAGS = 0755
MASK = 0x0F
print FLAGS, FLAGS & 07, MASK, MASK | 0x30, oct(FLAGS), hex(MASK)
