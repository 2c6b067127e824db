// Python source of `_periscope_py2_types`: Jython's str/unicode and int/long as two types each, and the Python 2
// spelling of values (repr, str, % formatting) that print, str(), repr() and backticks use in scripts.
//
// A Python 3 str stands for Jython's byte string (one character per byte); `unicode` is a str subclass whose
// methods return unicode, whose repr has the u prefix, and which mixes with byte strings through the ASCII default
// encoding. `long` is an int subclass whose arithmetic stays long; a plain int beyond 32 bits is a long too, as it
// would have become on Jython. The names scripts see (str, int, long, type, basestring) are facades over the
// Python 3 types: isinstance, type() and calls behave as on Jython, and Python 3 code is left alone.
export const py2TypesSource = String.raw`
import builtins as _b
import math as _math
import re as _re

_str = _b.str
_int = _b.int
_float = _b.float
_type = _b.type

INT_MIN = -0x80000000
INT_MAX = 0x7fffffff


def in_int_range(v):
    return INT_MIN <= v <= INT_MAX


# ---- unicode --------------------------------------------------------------------------------------------------

def _ascii_decode_check(s):
    """A byte string used as unicode: Jython decodes it with the ASCII default encoding."""
    for i, c in enumerate(s):
        if ord(c) > 127:
            raise UnicodeDecodeError('ascii', s.encode('latin-1', 'replace'), i, i + 1, 'ordinal not in range(128)')


def _ascii_encode_check(s):
    for i, c in enumerate(s):
        if ord(c) > 127:
            raise UnicodeEncodeError('ascii', _str(s), i, i + 1, 'ordinal not in range(128)')


def as_unicode(value):
    """A method's result as unicode: strings, and lists or tuples of them."""
    t = _type(value)
    if t is _str:
        return _str.__new__(unicode, value)
    if t is list:
        return [as_unicode(v) for v in value]
    if t is tuple:
        return tuple(as_unicode(v) for v in value)
    return value


def _unicode_method(name):
    method = getattr(_str, name)

    def call(self, *args, **kwargs):
        return as_unicode(method(self, *args, **kwargs))
    call.__name__ = name
    return call


def _text_of(obj):
    """unicode(obj): __unicode__, else the Python 2 str decoded as ASCII."""
    convert = getattr(_type(obj), '__unicode__', None)
    if convert is not None:
        text = convert(obj)
        if not isinstance(text, _str):
            raise TypeError('coercing to Unicode: need string or buffer, %s found' % typeof(text).__name__)
        return text
    if isinstance(obj, BaseException):
        return exception_text(obj, unicode_result=True)
    text = py2_str(obj) if not isinstance(obj, _str) else obj
    if not isinstance(text, unicode):
        _ascii_decode_check(text)
    return text


class unicode(_str):
    __slots__ = ()

    def __new__(cls, obj=u'', encoding=None, errors='strict'):
        if encoding is not None:
            if isinstance(obj, unicode):
                raise TypeError('decoding Unicode is not supported')
            text = _str(obj).encode('latin-1').decode(encoding, errors)
        else:
            text = _text_of(obj)
        return _str.__new__(cls, text)

    def __repr__(self):
        return 'u' + quote(self, True)

    def __str__(self):
        return _str.__str__(self)

    def __add__(self, other):
        if isinstance(other, _str):
            if not isinstance(other, unicode):
                _ascii_decode_check(other)
            return _str.__new__(unicode, _str.__add__(self, other))
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, _str):
            _ascii_decode_check(other)
            return _str.__new__(unicode, _str.__add__(other, self))
        return NotImplemented

    def __mod__(self, args):
        return py2_format(self, args)

    def __iter__(self):
        for c in _str.__iter__(self):
            yield _str.__new__(unicode, c)

    def encode(self, encoding=None, errors='strict'):
        return encode_text(self, encoding, errors)

    def decode(self, encoding=None, errors='strict'):
        _ascii_encode_check(self)
        return _str.__new__(unicode, self)


for _name in ('capitalize', 'center', 'expandtabs', 'format', 'join', 'ljust', 'lower', 'lstrip', 'partition',
              'replace', 'rjust', 'rpartition', 'rsplit', 'rstrip', 'split', 'splitlines', 'strip', 'swapcase', 'title',
              'translate', 'upper', 'zfill', '__getitem__', '__mul__', '__rmul__'):
    setattr(unicode, _name, _unicode_method(_name))


# Python 2's str-to-str codecs, by the names scripts use.
_BYTE_CODECS = {'base64': 'base64_codec', 'base_64': 'base64_codec', 'hex': 'hex_codec', 'zlib': 'zlib_codec',
                'zip': 'zlib_codec', 'string_escape': 'unicode_escape', 'string-escape': 'unicode_escape'}


def encode_text(text, encoding=None, errors='strict'):
    """str.encode and unicode.encode of Jython: a byte string (one character per byte) comes out."""
    import codecs
    encoding = (encoding or 'ascii').lower()
    codec = _BYTE_CODECS.get(encoding)
    if codec == 'unicode_escape':
        return _str(text).encode('latin-1').decode('latin-1').encode('unicode_escape').decode('latin-1').replace("'", "\\'")
    if codec is not None:
        return codecs.encode(_str(text).encode('latin-1'), codec).decode('latin-1')
    if not isinstance(text, unicode):
        # A byte string is decoded with ASCII first, as Jython does.
        _ascii_decode_check(text)
    return _str(text).encode(encoding, errors).decode('latin-1')


def decode_bytes(text, encoding=None, errors='strict'):
    import codecs
    encoding = (encoding or 'ascii').lower()
    raw = _str(text).encode('latin-1', 'replace')
    codec = _BYTE_CODECS.get(encoding)
    if codec is not None:
        return codecs.decode(raw, codec).decode('latin-1') if codec != 'unicode_escape' else raw.decode('unicode_escape')
    return _str.__new__(unicode, raw.decode(encoding, errors))


def u(text):
    """A u'...' literal."""
    return _str.__new__(unicode, text)


def b(text):
    """A byte-string literal written with non-ASCII characters: Jython compiles it to their UTF-8 bytes."""
    return text.encode('utf-8').decode('latin-1')


# ---- long -----------------------------------------------------------------------------------------------------

def as_long(value):
    return _int.__new__(long, value) if _type(value) is _int else value


def _long_method(name):
    method = getattr(_int, name)

    def call(self, *args):
        result = method(self, *args)
        if result is NotImplemented:
            return result
        if _type(result) is tuple:
            return tuple(as_long(v) for v in result)
        return as_long(result)
    call.__name__ = name
    return call


def _long_of(value, base=None):
    if base is not None:
        text = _str(value).strip()
        if text[-1:] in ('l', 'L'):
            text = text[:-1]
        try:
            return _int(text, base)
        except ValueError:
            raise ValueError('invalid literal for long() with base %d: %s' % (base, quote(_str(value), False)))
    if isinstance(value, _str):
        return _long_of(value, 10)
    convert = getattr(_type(value), '__long__', None)
    if convert is not None:
        return convert(value)
    return _int(value)


class _LongType(_type):
    """long's metaclass: a plain int beyond 32 bits is a long, as Jython would have made it."""

    def __instancecheck__(cls, obj):
        return is_long(obj) if cls is long else _type.__instancecheck__(cls, obj)

    def __repr__(cls):
        return "<type 'long'>" if cls is long else _type.__repr__(cls)


class long(_int, metaclass=_LongType):
    __slots__ = ()

    def __new__(cls, value=0, base=None):
        return _int.__new__(cls, _long_of(value, base))

    def __repr__(self):
        return _int.__repr__(self) + 'L'

    def __str__(self):
        return _int.__repr__(self)

    def __format__(self, spec):
        return _int.__format__(_int(self), spec)


for _name in ('__add__', '__radd__', '__sub__', '__rsub__', '__mul__', '__rmul__', '__floordiv__', '__rfloordiv__',
              '__mod__', '__rmod__', '__divmod__', '__rdivmod__', '__pow__', '__rpow__', '__lshift__', '__rlshift__',
              '__rshift__', '__rrshift__', '__and__', '__rand__', '__or__', '__ror__', '__xor__', '__rxor__',
              '__neg__', '__pos__', '__abs__', '__invert__'):
    setattr(long, _name, _long_method(_name))


def is_long(value):
    t = _type(value)
    return (t is _int and not in_int_range(value)) or _type.__subclasscheck__(long, t)


# ---- the names scripts see ------------------------------------------------------------------------------------

class _Facade(type):
    """Metaclass of the str, int and basestring that scripts see: Python 3 values are their instances as Jython's
    would be, calling the facade converts as Python 2 does, and the facade equals the Python 3 type it stands for."""

    def __instancecheck__(cls, obj):
        test = cls.__dict__.get('_p2_is')
        return test(obj) if test is not None else type.__instancecheck__(cls, obj)

    def __subclasscheck__(cls, sub):
        test = cls.__dict__.get('_p2_is_sub')
        return test(sub) if test is not None else type.__subclasscheck__(cls, sub)

    def __call__(cls, *args, **kwargs):
        convert = cls.__dict__.get('_p2_call')
        if convert is not None:
            return convert(*args, **kwargs)
        return type.__call__(cls, *args, **kwargs)

    def __eq__(cls, other):
        return cls is other or other is cls.__dict__.get('_p2_stands_for', cls)

    def __ne__(cls, other):
        return not _Facade.__eq__(cls, other)

    __hash__ = type.__hash__

    def __repr__(cls):
        return "<type '%s'>" % cls.__name__


def _str_call(obj='', *rest):
    return py2_str(obj)


class str(_str, metaclass=_Facade):
    __slots__ = ()
    _p2_stands_for = _str
    _p2_is = staticmethod(lambda obj: isinstance(obj, _str) and not isinstance(obj, unicode))
    _p2_is_sub = staticmethod(lambda sub: issubclass(sub, _str) and not issubclass(sub, unicode))
    _p2_call = staticmethod(_str_call)


class basestring(_str, metaclass=_Facade):
    __slots__ = ()
    _p2_is = staticmethod(lambda obj: isinstance(obj, _str))
    _p2_is_sub = staticmethod(lambda sub: issubclass(sub, _str))

    def __new__(cls, *args):
        raise TypeError('The basestring type cannot be instantiated')


def _int_call(value=0, base=None):
    result = _int(value) if base is None else _int(value, base)
    return result if in_int_range(result) else _int.__new__(long, result)


class int(_int, metaclass=_Facade):
    __slots__ = ()
    _p2_stands_for = _int
    _p2_is = staticmethod(lambda obj: isinstance(obj, _int) and not is_long(obj))
    _p2_is_sub = staticmethod(lambda sub: issubclass(sub, _int) and not issubclass(sub, long))
    _p2_call = staticmethod(_int_call)


# Classes that stand for a Python 3 type in scripts; other modules add theirs (dict, set, classic classes).
_type_of_hooks = []
_standing_for = {_str: str, _int: int}


def typeof(obj):
    """type(obj) as Jython answers it."""
    t = _type(obj)
    if t is _int:
        return int if in_int_range(obj) else long
    found = _standing_for.get(t)
    if found is not None:
        return found
    for hook in _type_of_hooks:
        found = hook(obj)
        if found is not None:
            return found
    return t


class _TypeFacade(type):
    def __call__(cls, *args, **kwargs):
        if cls is type and len(args) == 1 and not kwargs:
            return typeof(args[0])
        return _type.__call__(cls, *args, **kwargs)

    def __instancecheck__(cls, obj):
        if cls is type:
            return isinstance(obj, _type) and typeof(obj) is not None and not getattr(obj, '_p2_classic', False)
        return _type.__instancecheck__(cls, obj)

    def __eq__(cls, other):
        return cls is other or (cls is type and other is _type)

    def __ne__(cls, other):
        return not _TypeFacade.__eq__(cls, other)

    __hash__ = _type.__hash__

    def __repr__(cls):
        return "<type 'type'>" if cls is type else "<class '%s.%s'>" % (cls.__module__, cls.__name__)


class type(_type, metaclass=_TypeFacade):
    pass


_standing_for[_type] = type


# ---- Python 2 spellings ---------------------------------------------------------------------------------------

_ESCAPES = {'\t': '\\t', '\n': '\\n', '\r': '\\r', '\\': '\\\\'}


def quote(s, is_unicode):
    """The quoted form Python 2's repr gives a byte string or a unicode string."""
    quote_char = '"' if "'" in s and '"' not in s else "'"
    out = [quote_char]
    for c in s:
        o = ord(c)
        if c == quote_char:
            out.append('\\' + c)
        elif c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif o < 32 or 127 <= o < 256:
            out.append('\\x%02x' % o)
        elif o >= 256:
            out.append('\\u%04x' % o if o < 0x10000 else '\\U%08x' % o)
        else:
            out.append(c)
    out.append(quote_char)
    return ''.join(out)


def float_str(x):
    """str() of a float on Jython: 12 significant digits, in exponent form from 10**11 (one digit earlier than
    CPython 2), with at least one digit after the point."""
    if x != x or x in (_float('inf'), _float('-inf')):
        return _b.repr(x)
    if x == 0:
        return '-0.0' if _math.copysign(1, x) < 0 else '0.0'
    mantissa, exponent = ('%.11e' % x).split('e')
    exponent = _int(exponent)
    if -4 <= exponent < 11:
        text = '%.*f' % (max(11 - exponent, 0), x)
        text = text.rstrip('0')
        return text + '0' if text.endswith('.') else text
    mantissa = mantissa.rstrip('0').rstrip('.')
    return '%se%s%02d' % (mantissa, '-' if exponent < 0 else '+', abs(exponent))


def _type_repr(cls):
    stands = typeof_class(cls)
    if stands is not cls and stands is not None:
        cls = stands
    if cls.__module__ in ('builtins', '_periscope_py2_types', '_periscope_py2_containers') or isinstance(cls, _Facade):
        return "<type '%s'>" % cls.__name__
    java = getattr(cls, '_java_name', None)
    if java:
        return "<type '%s'>" % java
    return "<class '%s.%s'>" % (cls.__module__, cls.__name__)


def typeof_class(cls):
    return _standing_for.get(cls, cls)


def _exception_repr(exc):
    args = exc.args
    inner = ', '.join(py2_repr(a) for a in args) + (',' if len(args) == 1 else '')
    return '%s(%s)' % (_type(exc).__name__, inner)


# Python 3 exception messages that Python 2 words differently; each turns a Python 3 message into Jython's.
_MESSAGE_REWRITES = []


def exception_text(exc, unicode_result=False):
    """str(exc) as Python 2 gives it, with Python 2's wording of the built-in messages."""
    for rewrite in _MESSAGE_REWRITES:
        found = rewrite(exc)
        if found is not None:
            return found
    args = exc.args
    if isinstance(exc, KeyError) and len(args) == 1:
        return py2_repr(args[0])
    if _type(exc).__str__ is not BaseException.__str__:
        return _str(exc)
    if len(args) == 0:
        return ''
    if len(args) == 1:
        return _text(args[0]) if unicode_result else py2_str(args[0])
    return py2_repr(tuple(args))


def _text(value):
    return value if isinstance(value, unicode) else py2_str(value)


_active = set()

# How repr walks each kind of container, by exact type; py2_containers adds Jython's dict, set and frozenset, and
# _REPR_KINDS the __repr__ functions of theirs that subclasses inherit.
_KINDS = {list: 'list', tuple: 'tuple', dict: 'dict', set: 'set', frozenset: 'set'}
_REPR_KINDS = {}


def register_container(cls, kind):
    """Makes repr walk instances of cls (and of subclasses keeping its __repr__) as a container of this kind."""
    _KINDS[cls] = kind
    _REPR_KINDS[cls.__repr__] = kind


def _container_kind(obj):
    t = _type(obj)
    kind = _KINDS.get(t)
    return kind if kind is not None else _REPR_KINDS.get(getattr(t, '__repr__', None))


def _atom_repr(obj):
    t = _type(obj)
    if t is _str:
        return quote(obj, False)
    if t is _int:
        return _int.__repr__(obj) + ('' if in_int_range(obj) else 'L')
    if t is _float or t is bool or obj is None:
        return _b.repr(obj)
    if isinstance(obj, BaseException) and t.__repr__ is BaseException.__repr__:
        return _exception_repr(obj)
    if isinstance(obj, _type):
        r = _type(obj).__repr__
        return _type_repr(obj) if r is _type.__repr__ or isinstance(obj, _Facade) else r(obj)
    return _b.repr(obj)


_TEXT, _VALUE, _LEAVE = 0, 1, 2


def _opened(obj, kind):
    """The work items that print a container: its brackets and separators as text, its members as values."""
    if kind == 'dict':
        items = []
        for k, v in obj.items():
            items += [(_TEXT, ', '), (_VALUE, k), (_TEXT, ': '), (_VALUE, v)]
        return [(_TEXT, '{')] + items[1:] + [(_TEXT, '}')]
    members = []
    for v in obj:
        members += [(_TEXT, ', '), (_VALUE, v)]
    if kind == 'list':
        return [(_TEXT, '[')] + members[1:] + [(_TEXT, ']')]
    if kind == 'tuple':
        return [(_TEXT, '(')] + members[1:] + [(_TEXT, ',)' if len(members) == 2 else ')')]
    name = _type(obj).__name__
    return [(_TEXT, name + '([')] + members[1:] + [(_TEXT, '])')]


def _recursive(obj, kind):
    return {'list': '[...]', 'dict': '{...}', 'tuple': '(...)'}.get(kind) or '%s(...)' % _type(obj).__name__


def container_repr(obj, kind):
    """repr() of a container, walked with a work list rather than recursion: a value a project nests thousands of
    levels deep prints as it does on Jython instead of exhausting Python's stack. A container met again inside
    itself prints as Jython's [...] / {...}."""
    out = []
    entered = []
    work = [(_VALUE, obj)]
    try:
        while work:
            what, item = work.pop()
            if what == _TEXT:
                out.append(item)
                continue
            if what == _LEAVE:
                _active.discard(item)
                continue
            inner = kind if item is obj else _container_kind(item)
            if inner is None:
                out.append(_atom_repr(item))
                continue
            key = id(item)
            if key in _active:
                out.append(_recursive(item, inner))
                continue
            _active.add(key)
            entered.append(key)
            work.append((_LEAVE, key))
            work.extend(reversed(_opened(item, inner)))
    finally:
        for key in entered:
            _active.discard(key)
    return ''.join(out)


def py2_repr(obj):
    """repr() as Jython gives it."""
    kind = _container_kind(obj)
    return _atom_repr(obj) if kind is None else container_repr(obj, kind)


def py2_str(obj):
    """str() as Jython gives it: a byte string, or UnicodeEncodeError for unicode that is not ASCII."""
    t = _type(obj)
    if t is _str:
        return obj
    if t is unicode:
        _ascii_encode_check(obj)
        return _str(obj)
    if t is _float:
        return float_str(obj)
    if t is _int or t is bool or obj is None or t is long:
        return _int.__repr__(obj) if t is long else _b.str(obj)
    if t in (list, tuple, dict, set, frozenset):
        return py2_repr(obj)
    if isinstance(obj, BaseException):
        text = exception_text(obj)
    elif isinstance(obj, _type):
        text = _b.str(obj) if _type(obj).__str__ is not _type.__str__ else py2_repr(obj)
    else:
        text = _b.str(obj)
    if isinstance(text, unicode):
        _ascii_encode_check(text)
        return _str(text)
    return text


def py2_text(obj):
    """What print writes for an item: unicode as it is, anything else as str()."""
    return obj if isinstance(obj, unicode) else py2_str(obj)


# ---- % formatting ---------------------------------------------------------------------------------------------

_SPEC = _re.compile(r'%(?:\(([^)]*)\))?([-#0 +]*)(\*|\d+)?(?:\.(\*|\d+))?[hlL]?(.)', _re.S)
_specs = {}


def _parse(fmt):
    found = _specs.get(fmt)
    if found is None:
        found = [(m.start(), m.end(), m.group(1), m.group(2), m.group(3), m.group(4), m.group(5)) for m in _SPEC.finditer(fmt)]
        if len(_specs) < 2000:
            _specs[fmt] = found
    return found


def py2_format(fmt, args):
    """fmt % args with Python 2's %s (str, or unicode that promotes the result) and %r (Python 2's repr)."""
    specs = _parse(fmt)
    mapping = None
    if any(s[2] is not None for s in specs) and not isinstance(args, (tuple, _str)) and hasattr(args, '__getitem__'):
        mapping = args
        values = []
    else:
        values = list(args) if _type(args) is tuple else [args]
    promote = isinstance(fmt, unicode)
    out = []
    pos = 0
    index = 0
    for start, end, key, flags, width, precision, conv in specs:
        out.append(fmt[pos:start])
        pos = end
        if conv == '%':
            out.append('%')
            continue
        spec = '%' + flags
        extra = []
        for part in (width, precision):
            if part == '*':
                if index >= len(values):
                    raise TypeError('not enough arguments for format string')
                extra.append(values[index])
                index += 1
        spec += (width or '') + ('.' + precision if precision is not None else '')
        if mapping is not None and key is not None:
            value = mapping[key]
        else:
            if index >= len(values):
                raise TypeError('not enough arguments for format string')
            value = values[index]
            index += 1
        if conv == 's':
            if isinstance(value, unicode):
                promote = True
                value = _str(value)
            elif isinstance(fmt, unicode):
                value = _str(unicode(value))
            else:
                value = py2_str(value)
        elif conv == 'r':
            value = py2_repr(value)
            conv = 's'
        elif conv == 'u':
            conv = 'd'
        elif conv in 'diouxXeEfFgGc' and isinstance(value, long):
            value = _int(value)
        out.append(_str.__mod__(spec + conv, tuple(extra) + (value,)))
    out.append(fmt[pos:])
    if mapping is None and index < len(values):
        raise TypeError('not all arguments converted during string formatting')
    text = ''.join(out)
    if promote:
        if not isinstance(fmt, unicode):
            _ascii_decode_check(fmt)
        return _str.__new__(unicode, text)
    return text


def py2_mod(a, b):
    """The % operator: string formatting for strings, the number operator otherwise."""
    if isinstance(a, _str):
        return py2_format(a, b)
    if isinstance(b, (_int, _float)) and b == 0 and isinstance(a, (_int, _float)):
        raise ZeroDivisionError('float modulo' if isinstance(a, _float) or isinstance(b, _float) else 'integer division or modulo by zero')
    return a % b


def py2_pow(a, b, *modulo):
    """** on ints: a result beyond 32 bits is a long, as Jython makes it."""
    result = pow(a, b, *modulo)
    return _int.__new__(long, result) if _type(result) is _int and not in_int_range(result) else result


def py2_lshift(a, b):
    result = a << b
    return _int.__new__(long, result) if _type(result) is _int and not in_int_range(result) else result


# ---- values that arrive from the runtime ----------------------------------------------------------------------

_from_host_hooks = []


def from_host(value):
    """Data decoded from the runtime as Jython would hold it: strings are unicode (they are Java strings on a
    gateway), dicts are Jython dicts. Walked with a work list, children before their container, so that a
    project's value nested thousands of levels deep arrives whole instead of exhausting Python's stack."""
    made = []
    work = [(value, False)]
    while work:
        item, children_made = work.pop()
        t = _type(item)
        if t is not list and t is not dict:
            made.append(_str.__new__(unicode, item) if t is _str else item)
        elif not children_made:
            work.append((item, True))
            work.extend((child, False) for child in reversed(item if t is list else _b.list(item.values())))
        else:
            members = made[len(made) - len(item):]
            del made[len(made) - len(item):]
            if t is list:
                made.append(members)
            else:
                plain = dict(zip([_str.__new__(unicode, k) if _type(k) is _str else k for k in item], members))
                made.append(_from_host_hooks[0](plain) if _from_host_hooks else plain)
    return made[0]
`;
