# A string read from a field compared with a number: always greater in Python 2.
qty = "10"
print qty > 5, qty < 5, qty == 10, int(qty) > 5
if qty > 100:
    print "string is greater than any number"
