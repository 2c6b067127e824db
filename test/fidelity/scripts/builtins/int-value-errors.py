# int() and float() of bad strings.
for text in ["12a", "", " ", "1.0", "0x10"]:
    try:
        int(text)
    except ValueError, e:
        print "ValueError:", e
print int("0x10", 16), int("  7  "), int("-3")
