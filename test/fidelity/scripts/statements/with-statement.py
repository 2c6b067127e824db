# with on a file-like object and on a custom context manager.
class Ctx(object):
    def __enter__(self):
        print "enter"
        return self
    def __exit__(self, kind, value, tb):
        print "exit", kind.__name__ if kind else None
        return True
with Ctx() as c:
    print "inside"
    raise ValueError("suppressed")
print "after"
