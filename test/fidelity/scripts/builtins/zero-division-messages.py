# ZeroDivisionError messages of int, long and float division.
for expr in ["1 / 0", "1L / 0", "1 // 0", "1 % 0", "1.5 / 0", "divmod(1, 0)"]:
    try:
        eval(expr)
    except ZeroDivisionError, e:
        print expr, "->", e
