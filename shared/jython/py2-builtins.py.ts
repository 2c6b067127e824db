// Python source of the Python 2 builtins every Jython script sees (its `__builtins__`), plus the translator's helpers.
//
// Only script namespaces get these: the standard library and the runtime's modules keep Python 3 builtins, so a
// list-returning `range` never slows or breaks library code.
export const py2BuiltinsSource = String.raw`
import builtins as _builtins
import codecs as _codecs
import decimal as _decimal
import functools as _functools
import io as _io
import itertools as _itertools
import pickle as _pickle
import queue as _queue
import string as _string
import sys as _sys
import types as _types


class _Py2Dict(object):
    """A plain dict seen through Python 2's methods: keys/values/items are lists, iter* iterate, has_key exists."""
    __slots__ = ('_d',)

    def __init__(self, d):
        self._d = d

    def has_key(self, key):
        return key in self._d

    def keys(self):
        return list(self._d.keys())

    def values(self):
        return list(self._d.values())

    def items(self):
        return list(self._d.items())

    def iterkeys(self):
        return iter(self._d.keys())

    def itervalues(self):
        return iter(self._d.values())

    def iteritems(self):
        return iter(self._d.items())


# Python 2's str-to-str codecs, by the names scripts use.
_P2_BYTE_CODECS = {'base64': 'base64_codec', 'base_64': 'base64_codec', 'hex': 'hex_codec', 'zlib': 'zlib_codec', 'zip': 'zlib_codec'}


class _Py2Str(object):
    """A str seen as Jython's byte string: encode gives a str of byte values, decode reads one."""
    __slots__ = ('_s',)

    def __init__(self, s):
        self._s = s

    def encode(self, encoding='ascii', errors='strict'):
        codec = _P2_BYTE_CODECS.get(encoding.lower())
        data = _codecs.encode(self._s.encode('latin-1'), codec) if codec else self._s.encode(encoding, errors)
        return data.decode('latin-1')

    def decode(self, encoding='ascii', errors='strict'):
        raw = self._s.encode('latin-1')
        codec = _P2_BYTE_CODECS.get(encoding.lower())
        return _codecs.decode(raw, codec).decode('latin-1') if codec else raw.decode(encoding, errors)


def _p2(obj):
    # Objects with their own has_key/keys (the runtime's property wrappers) are left alone.
    if isinstance(obj, dict):
        return _Py2Dict(obj)
    return _Py2Str(obj) if isinstance(obj, str) else obj


def _p2_div(a, b):
    if isinstance(a, int) and isinstance(b, int):
        if b == 0:
            raise ZeroDivisionError('integer division or modulo by zero')
        return a // b
    return a / b


def _p2_rank(value):
    # Python 2's order across unrelated types: None first, then numbers, then the rest by type name.
    if value is None:
        return (0, '')
    if isinstance(value, (int, float)):
        return (1, '')
    return (2, type(value).__name__)


def _p2_ordering(compare):
    def ordered(a, b):
        try:
            return compare(a, b)
        except TypeError:
            return compare(_p2_rank(a), _p2_rank(b))
    return ordered


_p2_lt = _p2_ordering(lambda a, b: a < b)
_p2_le = _p2_ordering(lambda a, b: a <= b)
_p2_gt = _p2_ordering(lambda a, b: a > b)
_p2_ge = _p2_ordering(lambda a, b: a >= b)


def _p2_print_to(stream, *items, **options):
    # The print statement's spacing: items are separated by a space, except after a string that ends in
    # whitespace other than a space (Python 2's softspace rule), so "a\n", "b" prints "a\nb".
    out = []
    for item in items:
        if out and not (isinstance(out[-1], str) and out[-1][-1:].isspace() and out[-1][-1:] != ' '):
            out.append(' ')
        out.append(item if isinstance(item, str) else str(item))
    out.append(options.get('end', '\n'))
    (_sys.stdout if stream is None else stream).write(''.join(out))


def _p2_print(*items, **options):
    _p2_print_to(None, *items, **options)


def _p2_raise(kind, value=None, tb=None):
    if isinstance(kind, BaseException):
        exc = kind
    elif value is None:
        exc = kind()
    elif isinstance(value, kind):
        exc = value
    elif isinstance(value, tuple):
        exc = kind(*value)
    else:
        exc = kind(value)
    return exc if tb is None else exc.with_traceback(tb)


def _p2_message(exc):
    # Python 2's BaseException.message: the only argument, else ''. Java exceptions answer getMessage().
    try:
        return exc.message
    except AttributeError:
        return exc.args[0] if len(exc.args) == 1 else ''


def _cmp(a, b):
    return (a > b) - (a < b)


def _apply(function, args=(), keywords=None):
    return function(*args, **(keywords or {}))


def _execfile(path, globals=None, locals=None):
    with open(path) as source:
        exec(compile(source.read(), path, 'exec'), globals, locals)


def _raw_input(prompt=''):
    raise EOFError('raw_input: a gateway script has no console to read from')


def _range(*args):
    return list(range(*args))


def _map(function, *sequences):
    if function is None:
        return list(zip(*sequences)) if len(sequences) > 1 else list(sequences[0])
    return list(map(function, *sequences))


def _filter(function, sequence):
    kept = [x for x in sequence if (function or bool)(x)]
    if isinstance(sequence, str):
        return ''.join(kept)
    if isinstance(sequence, tuple):
        return tuple(kept)
    return kept


def _zip(*sequences):
    return list(zip(*sequences))


def _sorted(iterable, cmp=None, key=None, reverse=False):
    if cmp is not None:
        key = _functools.cmp_to_key(cmp if key is None else (lambda a, b: cmp(key(a), key(b))))
    return sorted(iterable, key=key, reverse=reverse)


def _round(number, ndigits=0):
    # Python 2 rounds halves away from zero and always returns a float.
    exponent = _decimal.Decimal(1).scaleb(-ndigits)
    return float(_decimal.Decimal(repr(float(number))).quantize(exponent, rounding=_decimal.ROUND_HALF_UP))


def make_py2_builtins():
    names = dict(vars(_builtins))
    names.update({
        'unicode': str, 'basestring': str, 'long': int, 'xrange': range, 'unichr': chr,
        'raw_input': _raw_input, 'reduce': _functools.reduce, 'cmp': _cmp, 'apply': _apply,
        'execfile': _execfile, 'intern': _sys.intern,
        'range': _range, 'map': _map, 'filter': _filter, 'zip': _zip, 'sorted': _sorted, 'round': _round,
        '_p2': _p2, '_p2_div': _p2_div, '_p2_print_to': _p2_print_to, '_p2_print': _p2_print, '_p2_raise': _p2_raise,
        '_p2_message': _p2_message, '_p2_lt': _p2_lt, '_p2_le': _p2_le, '_p2_gt': _p2_gt, '_p2_ge': _p2_ge,
    })
    return names


def _join(words, sep=' '):
    return sep.join(words)


# Module attributes Python 2 code reads; adding them does not change anything Python 3 code relies on.
_sys.maxint = 2147483647  # Jython's sys.maxint is Java's Integer.MAX_VALUE
_string.letters = _string.ascii_letters
_string.lowercase = _string.ascii_lowercase
_string.uppercase = _string.ascii_uppercase
_string.join = _join
_string.joinfields = _join
_string.split = lambda s, sep=None, maxsplit=-1: s.split(sep, maxsplit)
_string.strip = lambda s, chars=None: s.strip(chars)
_string.upper = lambda s: s.upper()
_string.lower = lambda s: s.lower()
_string.replace = lambda s, old, new, count=-1: s.replace(old, new, count)
_string.atoi = lambda s, base=10: int(s, base)
_string.atof = float
_itertools.izip = zip
_itertools.imap = map
_itertools.ifilter = filter
_itertools.izip_longest = _itertools.zip_longest


def _alias(name, **names):
    module = _types.ModuleType(name)
    module.__dict__.update(names)
    _sys.modules.setdefault(name, module)


# Python 2 module names; none exists in Python 3, so registering them cannot shadow anything.
_sys.modules.setdefault('__builtin__', _builtins)
_sys.modules.setdefault('Queue', _queue)
_sys.modules.setdefault('cPickle', _pickle)
_alias('StringIO', StringIO=_io.StringIO)
_alias('cStringIO', StringIO=_io.StringIO)
`;
