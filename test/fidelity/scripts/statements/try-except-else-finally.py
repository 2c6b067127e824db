# try/except/else/finally order.
def run(fail):
    try:
        if fail:
            raise ValueError("x")
    except ValueError:
        print "except"
    else:
        print "else"
    finally:
        print "finally"
run(False)
run(True)
