// Python source of the small `java` package Jython scripts import: exceptions, System and Date.
//
// Java exceptions are not Python Exception subclasses on Jython, so `except Exception:` misses them and
// `except java.lang.Throwable:` catches them; the classes here keep that shape by deriving from BaseException.
export const javaSource = String.raw`
import sys as _sys
import time as _time
import types as _types


def _host_call(name, *args):
    import periscope_host
    return periscope_host.call(name, *args)


class Throwable(BaseException):
    _java_name = 'java.lang.Throwable'

    def __init__(self, message=None, cause=None):
        BaseException.__init__(self, *([] if message is None else [message]))
        self._message = None if message is None else str(message)
        self._cause = cause

    def getMessage(self):
        return self._message

    getLocalizedMessage = getMessage
    # Jython exposes Java bean getters as attributes: e.message is e.getMessage().
    message = property(getMessage)

    def getCause(self):
        return self._cause

    def toString(self):
        return self._java_name if self._message is None else '%s: %s' % (self._java_name, self._message)

    __str__ = toString

    def printStackTrace(self):
        _sys.stderr.write(self.toString() + '\n')


def _java_class(name, base):
    cls = type(name.rsplit('.', 1)[1], (base,), {'_java_name': name})
    cls.__module__ = name.rsplit('.', 1)[0]
    return cls


Exception = _java_class('java.lang.Exception', Throwable)
Error = _java_class('java.lang.Error', Throwable)
RuntimeException = _java_class('java.lang.RuntimeException', Exception)
InterruptedException = _java_class('java.lang.InterruptedException', Exception)
NullPointerException = _java_class('java.lang.NullPointerException', RuntimeException)
IllegalArgumentException = _java_class('java.lang.IllegalArgumentException', RuntimeException)
IllegalStateException = _java_class('java.lang.IllegalStateException', RuntimeException)
NumberFormatException = _java_class('java.lang.NumberFormatException', IllegalArgumentException)
ArithmeticException = _java_class('java.lang.ArithmeticException', RuntimeException)
ClassCastException = _java_class('java.lang.ClassCastException', RuntimeException)
IndexOutOfBoundsException = _java_class('java.lang.IndexOutOfBoundsException', RuntimeException)
UnsupportedOperationException = _java_class('java.lang.UnsupportedOperationException', RuntimeException)
IOException = _java_class('java.io.IOException', Exception)


class System(object):
    @staticmethod
    def currentTimeMillis():
        # The runtime owns the (virtual) clock.
        return int(_host_call('date.nowMillis'))


class Date(object):
    """java.util.Date: milliseconds since the epoch; prints like Java, in UTC."""
    __slots__ = ('_ms',)

    def __init__(self, ms=None):
        self._ms = System.currentTimeMillis() if ms is None else int(ms)
        if not -2 ** 63 <= self._ms < 2 ** 63:
            raise TypeError("java.util.Date(): 1st arg can't be coerced to long, String")

    def getTime(self):
        return self._ms

    time = property(getTime)

    def before(self, other):
        return self._ms < other.getTime()

    def after(self, other):
        return self._ms > other.getTime()

    def compareTo(self, other):
        return (self._ms > other.getTime()) - (self._ms < other.getTime())

    def equals(self, other):
        return isinstance(other, Date) and other.getTime() == self._ms

    def __eq__(self, other):
        return self.equals(other)

    def __ne__(self, other):
        return not self.equals(other)

    def __lt__(self, other):
        return self._ms < other.getTime()

    def __le__(self, other):
        return self._ms <= other.getTime()

    def __gt__(self, other):
        return self._ms > other.getTime()

    def __ge__(self, other):
        return self._ms >= other.getTime()

    def __hash__(self):
        return hash(self._ms)

    def toString(self):
        return _time.strftime('%a %b %d %H:%M:%S UTC %Y', _time.gmtime(self._ms // 1000))

    __str__ = toString
    __repr__ = toString


def _module(name, **names):
    module = _types.ModuleType(name)
    module.__dict__.update(names)
    _sys.modules[name] = module
    return module


_CLASSES = (Throwable, Exception, Error, RuntimeException, InterruptedException, NullPointerException,
            IllegalArgumentException, IllegalStateException, NumberFormatException, ArithmeticException,
            ClassCastException, IndexOutOfBoundsException, UnsupportedOperationException, IOException)


def install():
    lang_names = dict((cls.__name__, cls) for cls in _CLASSES if cls._java_name.startswith('java.lang.'))
    lang = _module('java.lang', System=System, **lang_names)
    util = _module('java.util', Date=Date)
    io = _module('java.io', IOException=IOException)
    _module('java', lang=lang, util=util, io=io)


def exception_named(name):
    """The java exception class a host error names, by simple or qualified name."""
    for cls in _CLASSES:
        if name in (cls.__name__, cls._java_name):
            return cls
    return None
`;
