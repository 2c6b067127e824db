// Python source of `_periscope_java_lang`: the java.lang classes Ignition scripts use, behaving as Jython exposes
// them (exceptions, String, the number classes, Math, System, Thread, StringBuilder), and the conversions between
// Python values and Java ones that every Java class here shares.
//
// Java exceptions are not Python Exception subclasses on Jython, so `except Exception:` misses them and
// `except java.lang.Throwable:` catches them; the classes here keep that shape by deriving from BaseException.
export const javaLangSource = String.raw`
import builtins as _b
import decimal as _decimal
import math as _math
import re as _re
import sys as _sys
import time as _time

import _periscope_py2_types as _t


def host_call(name, *args):
    import periscope_host
    return periscope_host.call(name, *args)


class JavaClass(_b.type):
    """Metaclass of the Java classes: repr and type() name them by their Java class name."""

    def __repr__(cls):
        return "<type '%s'>" % cls._java_name


def java_class(cls):
    cls._java_name = '%s.%s' % (cls.__module__, cls.__name__)
    return cls


# ---- Python values as Java sees them ---------------------------------------------------------------------------

def to_java(value):
    """A Python value stored into a Java object: strings become Java strings, which come back as unicode."""
    if isinstance(value, _b.str) and not isinstance(value, _t.unicode):
        return _t.u(value)
    return value


def double_string(x):
    """java.lang.Double.toString: plain between 10^-3 and 10^7, else computerized scientific notation."""
    if x != x:
        return 'NaN'
    if x in (float('inf'), float('-inf')):
        return 'Infinity' if x > 0 else '-Infinity'
    if x == 0:
        return '-0.0' if _math.copysign(1, x) < 0 else '0.0'
    if 1e-3 <= abs(x) < 1e7:
        text = repr(x)
        return text if '.' in text else text + '.0'
    _, all_digits, exponent = _decimal.Decimal(repr(abs(x))).as_tuple()
    power = len(all_digits) + exponent - 1
    digits = ''.join(map(_b.str, all_digits)).rstrip('0') or '0'
    return '%s%s.%sE%d' % ('-' if x < 0 else '', digits[0], digits[1:] or '0', power)


def java_string(value):
    """String.valueOf / toString of a value, as Java prints it."""
    if value is None:
        return 'null'
    if value is True:
        return 'true'
    if value is False:
        return 'false'
    if isinstance(value, float):
        return double_string(value)
    if isinstance(value, _b.int):
        return _b.int.__repr__(value)
    if isinstance(value, _b.str):
        return _b.str(value)
    to_string = getattr(value, 'toString', None)
    if to_string is not None and callable(to_string):
        return to_string()
    return _t.py2_str(value)


# ---- exceptions -----------------------------------------------------------------------------------------------

class Throwable(BaseException, metaclass=JavaClass):
    _java_name = 'java.lang.Throwable'

    def __init__(self, message=None, cause=None):
        if isinstance(message, Throwable) and cause is None:
            message, cause = message.toString(), message
        BaseException.__init__(self, *([] if message is None else [message]))
        self._message = None if message is None else _t.u(_b.str(message))
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
    __repr__ = toString

    def printStackTrace(self):
        _sys.stderr.write(self.toString() + '\n')

    def getClass(self):
        return _ClassInfo(self._java_name)


class _ClassInfo(object):
    __slots__ = ('_name',)

    def __init__(self, name):
        self._name = name

    def getName(self):
        return self._name

    def getSimpleName(self):
        return self._name.rsplit('.', 1)[-1]


def exception_class(qualified, base):
    package, name = qualified.rsplit('.', 1)
    cls = JavaClass(name, (base,), {'_java_name': qualified, '__module__': package})
    return cls


Exception = exception_class('java.lang.Exception', Throwable)
Error = exception_class('java.lang.Error', Throwable)
RuntimeException = exception_class('java.lang.RuntimeException', Exception)
InterruptedException = exception_class('java.lang.InterruptedException', Exception)
NullPointerException = exception_class('java.lang.NullPointerException', RuntimeException)
IllegalArgumentException = exception_class('java.lang.IllegalArgumentException', RuntimeException)
IllegalStateException = exception_class('java.lang.IllegalStateException', RuntimeException)
NumberFormatException = exception_class('java.lang.NumberFormatException', IllegalArgumentException)
ArithmeticException = exception_class('java.lang.ArithmeticException', RuntimeException)
ClassCastException = exception_class('java.lang.ClassCastException', RuntimeException)
IndexOutOfBoundsException = exception_class('java.lang.IndexOutOfBoundsException', RuntimeException)
ArrayIndexOutOfBoundsException = exception_class('java.lang.ArrayIndexOutOfBoundsException', IndexOutOfBoundsException)
StringIndexOutOfBoundsException = exception_class('java.lang.StringIndexOutOfBoundsException', IndexOutOfBoundsException)
UnsupportedOperationException = exception_class('java.lang.UnsupportedOperationException', RuntimeException)
CloneNotSupportedException = exception_class('java.lang.CloneNotSupportedException', Exception)

EXCEPTIONS = [Throwable, Exception, Error, RuntimeException, InterruptedException, NullPointerException,
              IllegalArgumentException, IllegalStateException, NumberFormatException, ArithmeticException,
              ClassCastException, IndexOutOfBoundsException, ArrayIndexOutOfBoundsException,
              StringIndexOutOfBoundsException, UnsupportedOperationException, CloneNotSupportedException]


def out_of_bounds(index, length):
    return IndexOutOfBoundsException('Index %d out of bounds for length %d' % (index, length))


# ---- numbers --------------------------------------------------------------------------------------------------

def _number_format(text, radix=10):
    if radix == 10:
        return NumberFormatException('For input string: "%s"' % text if text is not None else 'Cannot parse null string: null')
    return NumberFormatException('For input string: "%s" under radix %d' % (text, radix))


def _parse_integer(text, radix, low, high):
    if text is None:
        raise NumberFormatException('Cannot parse null string: null')
    s = _b.str(text)
    if not _re.match(r'^[+-]?[0-9a-zA-Z]+$', s):
        raise _number_format(s, radix)
    try:
        value = _b.int(s, radix)
    except ValueError:
        raise _number_format(s, radix)
    if not low <= value <= high:
        raise _number_format(s, radix)
    return value


@java_class
class Integer(object, metaclass=JavaClass):
    __module__ = 'java.lang'
    MAX_VALUE = 2147483647
    MIN_VALUE = -2147483648
    SIZE = 32

    @staticmethod
    def parseInt(text, radix=10):
        return _parse_integer(text, radix, -2 ** 31, 2 ** 31 - 1)

    @staticmethod
    def valueOf(value, radix=10):
        return value if isinstance(value, _b.int) else Integer.parseInt(value, radix)

    @staticmethod
    def toString(value, radix=10):
        return _t.u(_b.str(value) if radix == 10 else _base(value, radix))

    @staticmethod
    def toHexString(value):
        return _t.u('%x' % (value & 0xffffffff))

    @staticmethod
    def toBinaryString(value):
        return _t.u(bin(value & 0xffffffff)[2:])

    @staticmethod
    def toOctalString(value):
        return _t.u('%o' % (value & 0xffffffff))

    @staticmethod
    def compare(a, b):
        return (a > b) - (a < b)

    @staticmethod
    def signum(value):
        return (value > 0) - (value < 0)

    @staticmethod
    def bitCount(value):
        return bin(value & 0xffffffff).count('1')

    @staticmethod
    def max(a, b):
        return a if a >= b else b

    @staticmethod
    def min(a, b):
        return a if a <= b else b

    @staticmethod
    def sum(a, b):
        return _wrap32(a + b)


def _base(value, radix):
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    if value == 0:
        return '0'
    out = []
    n = abs(value)
    while n:
        out.append(digits[n % radix])
        n //= radix
    return ('-' if value < 0 else '') + ''.join(reversed(out))


def _wrap32(v):
    v &= 0xffffffff
    return v - 0x100000000 if v & 0x80000000 else v


@java_class
class Long(object, metaclass=JavaClass):
    __module__ = 'java.lang'
    MAX_VALUE = _t.as_long(2 ** 63 - 1)
    MIN_VALUE = _t.as_long(-2 ** 63)

    @staticmethod
    def parseLong(text, radix=10):
        return _t.as_long(_parse_integer(text, radix, -2 ** 63, 2 ** 63 - 1))

    @staticmethod
    def valueOf(value, radix=10):
        return _t.as_long(value) if isinstance(value, _b.int) else Long.parseLong(value, radix)

    @staticmethod
    def toString(value, radix=10):
        return _t.u(_b.str(_b.int(value)) if radix == 10 else _base(value, radix))

    @staticmethod
    def compare(a, b):
        return (a > b) - (a < b)


_DOUBLE = _re.compile(r'^\s*[+-]?(NaN|Infinity|((\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)[fFdD]?)\s*$')


@java_class
class Double(object, metaclass=JavaClass):
    __module__ = 'java.lang'
    MAX_VALUE = 1.7976931348623157e308
    MIN_VALUE = 5e-324
    POSITIVE_INFINITY = float('inf')
    NEGATIVE_INFINITY = float('-inf')
    NaN = float('nan')

    @staticmethod
    def parseDouble(text):
        if text is None:
            raise NullPointerException()
        s = _b.str(text)
        if not _DOUBLE.match(s):
            raise NumberFormatException('empty String' if not s.strip() else 'For input string: "%s"' % s)
        s = s.strip().rstrip('fFdD')
        return float(s.replace('Infinity', 'inf'))

    valueOf = parseDouble

    @staticmethod
    def isNaN(value):
        return value != value

    @staticmethod
    def isInfinite(value):
        return value in (float('inf'), float('-inf'))

    @staticmethod
    def toString(value):
        return _t.u(double_string(value))

    @staticmethod
    def compare(a, b):
        return (a > b) - (a < b)


Float = JavaClass('Float', (Double,), {'_java_name': 'java.lang.Float', '__module__': 'java.lang',
                                        'parseFloat': staticmethod(Double.parseDouble)})


@java_class
class Boolean(object, metaclass=JavaClass):
    __module__ = 'java.lang'
    TRUE = True
    FALSE = False

    @staticmethod
    def parseBoolean(text):
        return text is not None and _b.str(text).lower() == 'true'

    @staticmethod
    def valueOf(value):
        return value if isinstance(value, bool) else Boolean.parseBoolean(value)

    @staticmethod
    def toString(value):
        return _t.u('true' if value else 'false')


@java_class
class Character(object, metaclass=JavaClass):
    __module__ = 'java.lang'

    @staticmethod
    def isDigit(c):
        return _b.str(c).isdigit()

    @staticmethod
    def isLetter(c):
        return _b.str(c).isalpha()

    @staticmethod
    def isLetterOrDigit(c):
        return _b.str(c).isalnum()

    @staticmethod
    def isWhitespace(c):
        return _b.str(c).isspace()

    @staticmethod
    def isUpperCase(c):
        return _b.str(c).isupper()

    @staticmethod
    def isLowerCase(c):
        return _b.str(c).islower()

    @staticmethod
    def toUpperCase(c):
        return _t.u(_b.str(c).upper())

    @staticmethod
    def toLowerCase(c):
        return _t.u(_b.str(c).lower())


@java_class
class Math(object, metaclass=JavaClass):
    __module__ = 'java.lang'
    PI = _math.pi
    E = _math.e

    @staticmethod
    def _pick(a, b, choose):
        if isinstance(a, float) or isinstance(b, float):
            return float(choose(a, b))
        # Jython picks the long overload for two Python ints.
        return _t.as_long(choose(a, b))

    @staticmethod
    def max(a, b):
        return Math._pick(a, b, _b.max)

    @staticmethod
    def min(a, b):
        return Math._pick(a, b, _b.min)

    @staticmethod
    def abs(a):
        return abs(a) if isinstance(a, float) else _t.as_long(abs(a)) if _t.is_long(a) else abs(a)

    @staticmethod
    def round(a):
        return _t.as_long(_math.floor(a + 0.5))

    @staticmethod
    def floor(a):
        return float(_math.floor(a))

    @staticmethod
    def ceil(a):
        return float(_math.ceil(a))

    @staticmethod
    def pow(a, b):
        return _math.pow(a, b)

    @staticmethod
    def sqrt(a):
        return _math.sqrt(a) if a >= 0 else float('nan')

    @staticmethod
    def signum(a):
        return float((a > 0) - (a < 0))

    @staticmethod
    def addExact(a, b):
        result = a + b
        if not -2 ** 31 <= result < 2 ** 31:
            raise ArithmeticException('integer overflow')
        return result

    @staticmethod
    def toRadians(a):
        return _math.radians(a)

    @staticmethod
    def toDegrees(a):
        return _math.degrees(a)


for _name in ('sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'log', 'log10', 'exp', 'hypot', 'cbrt'):
    setattr(Math, _name, staticmethod(getattr(_math, _name)))


@java_class
class System(object, metaclass=JavaClass):
    __module__ = 'java.lang'

    @staticmethod
    def currentTimeMillis():
        # The runtime owns the (virtual) clock.
        return _t.as_long(_b.int(host_call('date.nowMillis')))

    @staticmethod
    def nanoTime():
        return _t.as_long(_b.int(_time.monotonic() * 1e9))

    @staticmethod
    def getProperty(key, default=None):
        return default

    @staticmethod
    def getenv(name=None):
        return None

    @staticmethod
    def lineSeparator():
        return _t.u('\n')


class _Thread(object):
    def getName(self):
        return _t.u('main')

    def getId(self):
        return _t.as_long(1)

    def isInterrupted(self):
        return False


_current_thread = _Thread()


@java_class
class Thread(object, metaclass=JavaClass):
    __module__ = 'java.lang'

    @staticmethod
    def sleep(millis):
        _time.sleep(millis / 1000.0)

    @staticmethod
    def currentThread():
        return _current_thread


@java_class
class String(_t.unicode, metaclass=JavaClass):
    """java.lang.String: a Jython string with Java's methods; every result is a plain unicode."""
    __module__ = 'java.lang'

    def __new__(cls, value=u''):
        return _b.str.__new__(cls, _b.str(value))

    def __repr__(self):
        return _b.str(self)

    @staticmethod
    def valueOf(value):
        return _t.u(java_string(value))

    @staticmethod
    def format(pattern, *args):
        return _t.u(java_format(pattern, args))

    @staticmethod
    def join(separator, items):
        return _t.u(_b.str(separator).join(_b.str(i) for i in items))

    def length(self):
        return len(self)

    def charAt(self, index):
        if not 0 <= index < len(self):
            raise StringIndexOutOfBoundsException('index %d, length %d' % (index, len(self)))
        return _t.u(_b.str.__getitem__(self, index))

    def substring(self, begin, end=None):
        return _t.u(_b.str.__getitem__(self, slice(begin, end)))

    def startsWith(self, prefix):
        return _b.str.startswith(self, prefix)

    def endsWith(self, suffix):
        return _b.str.endswith(self, suffix)

    def toUpperCase(self):
        return _t.u(_b.str.upper(self))

    def toLowerCase(self):
        return _t.u(_b.str.lower(self))

    def trim(self):
        return _t.u(_b.str.strip(self))

    def equals(self, other):
        return isinstance(other, _b.str) and _b.str(self) == _b.str(other)

    def equalsIgnoreCase(self, other):
        return other is not None and _b.str(self).lower() == _b.str(other).lower()

    def compareTo(self, other):
        a, b = _b.str(self), _b.str(other)
        for x, y in zip(a, b):
            if x != y:
                return ord(x) - ord(y)
        return len(a) - len(b)

    def indexOf(self, sub):
        return _b.str.find(self, sub)

    def contains(self, sub):
        return sub in _b.str(self)

    def isEmpty(self):
        return len(self) == 0

    def toString(self):
        return _t.u(self)


# ---- java.util.Formatter, for String.format -------------------------------------------------------------------

_FORMAT = _re.compile(r'%(\d+\$)?([-#+ 0,(]*)(\d+)?(\.\d+)?([a-zA-Z%])')


def java_format(pattern, args):
    out = []
    pos = 0
    index = 0
    for m in _FORMAT.finditer(pattern):
        out.append(pattern[pos:m.start()])
        pos = m.end()
        explicit, flags, width, precision, conv = m.groups()
        if conv == '%':
            out.append('%')
            continue
        if conv == 'n':
            out.append('\n')
            continue
        if explicit:
            value = args[_b.int(explicit[:-1]) - 1]
        else:
            value = args[index]
            index += 1
        grouping = ',' in flags
        flags = flags.replace(',', '')
        spec = '%' + flags + (width or '') + (precision or '')
        lower = conv.lower()
        if lower == 'b':
            text = _b.str(value is not None and value is not False).lower()
            text = (spec + 's') % text
        elif lower == 's':
            text = (spec + 's') % java_string(value)
        elif lower in 'dxo':
            body = ('{:,}'.format(_b.int(value)) if grouping else None)
            text = (spec.replace('%', '%') + 's') % body if grouping else (spec + lower) % _b.int(value)
        elif lower in 'feg':
            if grouping:
                text = ('%' + flags + (width or '') + 's') % ('{:,' + (precision or '.6') + 'f}').format(value)
            else:
                text = (spec + (lower if precision or lower != 'e' else lower)) % value
        else:
            text = java_string(value)
        out.append(text.upper() if conv.isupper() else text)
    out.append(pattern[pos:])
    return ''.join(out)


@java_class
class StringBuilder(object, metaclass=JavaClass):
    __module__ = 'java.lang'

    def __init__(self, initial=u''):
        self._parts = [] if isinstance(initial, _b.int) else [_b.str(initial)]

    def _text(self):
        text = ''.join(self._parts)
        self._parts = [text]
        return text

    def append(self, value):
        # Jython hands a bool to append(int), so True appends 1.
        self._parts.append(java_string(_b.int(value) if isinstance(value, bool) else value))
        return self

    def insert(self, offset, value):
        text = self._text()
        self._parts = [text[:offset] + java_string(value) + text[offset:]]
        return self

    def reverse(self):
        self._parts = [self._text()[::-1]]
        return self

    def length(self):
        return len(self._text())

    def charAt(self, index):
        return _t.u(self._text()[index])

    def deleteCharAt(self, index):
        text = self._text()
        self._parts = [text[:index] + text[index + 1:]]
        return self

    def setLength(self, length):
        self._parts = [self._text()[:length].ljust(length, '\0')]

    def indexOf(self, sub):
        return self._text().find(sub)

    def toString(self):
        return _t.u(self._text())

    def __str__(self):
        return self._text()

    __repr__ = __str__

    def __len__(self):
        return self.length()


StringBuffer = JavaClass('StringBuffer', (StringBuilder,), {'_java_name': 'java.lang.StringBuffer', '__module__': 'java.lang'})


NAMES = dict((cls.__name__, cls) for cls in EXCEPTIONS)
NAMES.update(Integer=Integer, Long=Long, Double=Double, Float=Float, Boolean=Boolean, Character=Character, Math=Math,
             System=System, Thread=Thread, String=String, StringBuilder=StringBuilder, StringBuffer=StringBuffer)
`;
