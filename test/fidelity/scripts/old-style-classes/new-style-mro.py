# New-style classes use C3: in a diamond, cooperative super() calls run each class once, in __mro__ order.
class Base(object):
    def setup(self, log):
        log.append("Base")
class Pump(Base):
    def setup(self, log):
        log.append("Pump")
        super(Pump, self).setup(log)
class Logged(Base):
    def setup(self, log):
        log.append("Logged")
        super(Logged, self).setup(log)
class LoggedPump(Pump, Logged):
    pass
log = []
LoggedPump().setup(log)
print log, [c.__name__ for c in LoggedPump.__mro__]
