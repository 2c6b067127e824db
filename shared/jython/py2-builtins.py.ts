// Python source of `_periscope_py2`: the Python 2 builtins every Jython script sees (its `__builtins__`), the
// translator's helpers, and the Python 2 face of the standard modules scripts import.
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
import json as _json
import math as _math
import pickle as _pickle
import queue as _queue
import string as _string
import sys as _sys
import types as _types
import warnings as _warnings

import _periscope_py2_types as _t
import _periscope_py2_containers as _c
import _periscope_py2_errors as _errors
import _periscope_py2_classes as _classes
import _periscope_py2_random as _random_module
from _periscope_py2_order import java_hash as _java_hash

_str = _builtins.str
_int = _builtins.int
_type = _builtins.type
_dict = _builtins.dict
_list = _builtins.list


# ---- ordering -------------------------------------------------------------------------------------------------

def _rank(value):
    # Python 2's order across unrelated types: None first, then numbers, then the rest by type name.
    if value is None:
        return (0, '')
    if isinstance(value, (_int, float)):
        return (1, '')
    return (2, _t.typeof(value).__name__)


def _sign(n):
    return (n > 0) - (n < 0)


def _cmp_dicts(a, b):
    if len(a) != len(b):
        return _sign(len(a) - len(b))

    def smallest_difference(x, y):
        found = None
        for k in x:
            if k not in y or py2_cmp(x[k], y[k]) != 0:
                if found is None or py2_cmp(k, found) < 0:
                    found = k
        return found
    ka = smallest_difference(a, b)
    kb = smallest_difference(b, a)
    if ka is None and kb is None:
        return 0
    if ka is None or kb is None:
        return -1 if ka is None else 1
    c = py2_cmp(ka, kb)
    if c != 0:
        return c
    return py2_cmp(a[ka], b[kb])


def py2_cmp(a, b):
    """cmp() of Python 2: __cmp__, then rich comparisons, then Python 2's order of unrelated types."""
    for x, y, sign in ((a, b, 1), (b, a, -1)):
        method = getattr(_type(x), '__cmp__', None)
        if method is not None:
            result = method(x, y)
            if result is not NotImplemented:
                return sign * _sign(result)
    if isinstance(a, (_list, tuple)) and _type(a) is _type(b):
        for x, y in zip(a, b):
            c = py2_cmp(x, y)
            if c != 0:
                return c
        return _sign(len(a) - len(b))
    if isinstance(a, _dict) and isinstance(b, _dict):
        return _cmp_dicts(a, b)
    try:
        if a == b:
            return 0
        if a < b:
            return -1
        if a > b:
            return 1
    except TypeError:
        pass
    ra, rb = _rank(a), _rank(b)
    if ra != rb:
        return -1 if ra < rb else 1
    return _sign(id(a) - id(b))


def _ordering(compare):
    def ordered(a, b):
        try:
            return compare(a, b)
        except TypeError:
            return compare(py2_cmp(a, b), 0)
    return ordered


_p2_lt = _ordering(lambda a, b: a < b)
_p2_le = _ordering(lambda a, b: a <= b)
_p2_gt = _ordering(lambda a, b: a > b)
_p2_ge = _ordering(lambda a, b: a >= b)

_py2_key = _functools.cmp_to_key(py2_cmp)


def _sort_key(cmp, key):
    if cmp is not None:
        if key is not None:
            return _functools.cmp_to_key(lambda a, b: cmp(key(a), key(b)))
        return _functools.cmp_to_key(cmp)
    return key


def _sorted(iterable, cmp=None, key=None, reverse=False):
    items = _list(iterable)
    sort_in_place(items, cmp, key, reverse)
    return items


def sort_in_place(items, cmp=None, key=None, reverse=False):
    """list.sort of Python 2: cmp functions, and values of unrelated types in Python 2's order."""
    key = _sort_key(cmp, key)
    try:
        items.sort(key=key, reverse=reverse)
    except TypeError:
        if cmp is not None:
            raise
        pairs = _functools.cmp_to_key(lambda a, b: py2_cmp(a, b) if key is None else py2_cmp(key(a), key(b)))
        items.sort(key=pairs, reverse=reverse)


def _extreme(pick):
    def extreme(*args, **kwargs):
        key = kwargs.pop('key', None)
        values = args[0] if len(args) == 1 else args
        try:
            return pick(values, key=key) if key is not None else pick(values)
        except TypeError:
            wrapped = (lambda v: _py2_key(key(v))) if key is not None else _py2_key
            return pick(values, key=wrapped)
    return extreme


_min = _extreme(_builtins.min)
_max = _extreme(_builtins.max)


# ---- numbers --------------------------------------------------------------------------------------------------

def _p2_div(a, b):
    if isinstance(a, _int) and isinstance(b, _int):
        if b == 0:
            raise ZeroDivisionError('long division or modulo' if _t.is_long(a) or _t.is_long(b) else 'integer division or modulo by zero')
        result = a // b
        return _t.as_long(result) if isinstance(a, _t.long) or isinstance(b, _t.long) else result
    if isinstance(b, (_int, float)) and b == 0 and isinstance(a, (_int, float)):
        raise ZeroDivisionError('float division')
    method = getattr(_type(a), '__div__', None)
    if method is not None:
        result = method(a, b)
        if result is not NotImplemented:
            return result
    method = getattr(_type(b), '__rdiv__', None)
    if method is not None:
        result = method(b, a)
        if result is not NotImplemented:
            return result
    return a / b


def _round(number, ndigits=0):
    # Python 2 rounds the exact binary value half away from zero, and always returns a float.
    x = float(number)
    if x != x or x in (float('inf'), float('-inf')) or x == 0:
        return x
    exponent = _decimal.Decimal(1).scaleb(-ndigits)
    return float(_decimal.Decimal(x).quantize(exponent, rounding=_decimal.ROUND_HALF_UP))


def _sum(iterable, start=0):
    # Plain left-to-right addition: Python 3.12's compensated float sum gives other results than Jython's.
    total = start
    for value in iterable:
        total = total + value
    return total


def _coerce(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return (float(a), float(b))
    if _t.is_long(a) or _t.is_long(b):
        return (_t.long(a), _t.long(b))
    return (a, b)


def _based(prefix, method_name, render):
    def convert(value):
        method = getattr(_type(value), method_name, None)
        if method is not None:
            return method(value)
        if not isinstance(value, _int):
            raise TypeError("%s() argument can't be converted to %s" % (method_name.strip('_'), method_name.strip('_')))
        return render(value) + ('L' if _t.is_long(value) else '')
    return convert


_hex = _based('0x', '__hex__', lambda v: ('-' if v < 0 else '') + '0x%x' % abs(v))
_oct = _based('0', '__oct__', lambda v: '0' if v == 0 else ('-' if v < 0 else '') + '0%o' % abs(v))


def _chr(code):
    if not 0 <= code < 256:
        raise ValueError('chr() arg not in range(256)')
    return _builtins.chr(code)


def _unichr(code):
    return _t.u(_builtins.chr(code))


class xrange(object):
    """Python 2's xrange: a lazy sequence that prints as xrange(start, stop, step)."""
    __slots__ = ('_range',)

    def __init__(self, *args):
        self._range = range(*args)

    def __iter__(self):
        return iter(self._range)

    def __reversed__(self):
        return reversed(self._range)

    def __len__(self):
        return len(self._range)

    def __contains__(self, value):
        return value in self._range

    def __getitem__(self, index):
        if isinstance(index, slice):
            raise TypeError('sequence index must be integer, not \'slice\'')
        try:
            return self._range[index]
        except IndexError:
            raise IndexError('xrange object index out of range')

    def __repr__(self):
        r = self._range
        if r.step == 1 and r.start == 0:
            return 'xrange(%d)' % r.stop if len(r) else 'xrange(0)'
        stop = r.start + len(r) * r.step
        return 'xrange(%d, %d)' % (r.start, stop) if r.step == 1 else 'xrange(%d, %d, %d)' % (r.start, stop, r.step)


def _range(*args):
    return _list(range(*args))


def _map(function, *sequences):
    if function is None:
        if len(sequences) == 1:
            return _list(sequences[0])
        return _list(_itertools.zip_longest(*sequences))
    if len(sequences) > 1:
        return [function(*items) for items in _itertools.zip_longest(*sequences)]
    return _list(map(function, sequences[0]))


def _filter(function, sequence):
    kept = [x for x in sequence if (function or bool)(x)]
    if isinstance(sequence, _str):
        return ''.join(kept) if not isinstance(sequence, _t.unicode) else _t.u(''.join(kept))
    if isinstance(sequence, tuple):
        return tuple(kept)
    return kept


def _zip(*sequences):
    return _list(zip(*sequences))


def _file(name, mode='r', buffering=-1):
    return open(name, mode, buffering)


_file.__name__ = 'file'


def _unpack(items, count):
    # A comprehension's tuple target, unpacked with Python 2's messages.
    items = tuple(items)
    if len(items) < count:
        raise ValueError('need more than %d value%s to unpack' % (len(items), '' if len(items) == 1 else 's'))
    if len(items) > count:
        raise ValueError('too many values to unpack')
    return items


_leaked = {}


def _class_body(depth):
    frame = _sys._getframe(depth + 1)
    while frame is not None and frame.f_code.co_flags & 0x1:
        frame = frame.f_back
    return frame


def _class_leak(names, values):
    # A list comprehension's variables in a class body: kept until the comprehension is over, then written into the
    # namespace of the class being made (Python 3 restores the class's own binding of the name when it ends).
    frame = _class_body(1)
    if frame is not None:
        _leaked.setdefault(id(frame), {}).update(zip(names, values))
    return True


def _class_leaked(result):
    frame = _class_body(1)
    if frame is not None:
        frame.f_locals.update(_leaked.pop(id(frame), {}))
    return result


def _hash(value):
    # Jython's hash() is the value's Java hash code where Python values have one (strings, numbers, tuples).
    if isinstance(value, (_str, _int, float, tuple, frozenset)):
        return _java_hash(value)
    return _builtins.hash(value)


def _apply(function, args=(), keywords=None):
    return function(*args, **(keywords or {}))


def _execfile(path, globals=None, locals=None):
    with open(path) as source:
        exec(compile(source.read(), path, 'exec'), globals, locals)


def _raw_input(prompt=''):
    raise EOFError('raw_input: a gateway script has no console to read from')


# ---- print ----------------------------------------------------------------------------------------------------

def _console_text(item):
    # A byte string printed to the gateway's console goes out as its bytes: UTF-8 text reads back as such.
    if not isinstance(item, _t.unicode) and any(ord(c) > 127 for c in item):
        return item.encode('latin-1', 'replace').decode('utf-8', 'replace')
    return item


def _softspace(target, value=None):
    if value is None:
        return getattr(target, 'softspace', 0)
    try:
        target.softspace = value
    except (AttributeError, TypeError):
        pass


def _p2_print_item(stream, item):
    """One item of a print statement: a space first if the last item asked for one (Python 2's softspace)."""
    target = _sys.stdout if stream is None else stream
    if _softspace(target):
        target.write(' ')
    text = _t.py2_text(item)
    target.write(_console_text(text) if target is _sys.stdout or target is _sys.stderr else text)
    ends_line = isinstance(item, _str) and text[-1:].isspace() and text[-1:] != ' '
    _softspace(target, 0 if ends_line else 1)


def _p2_print_end(stream):
    target = _sys.stdout if stream is None else stream
    target.write('\n')
    _softspace(target, 0)


def _print_function(*items, **options):
    sep = options.get('sep', ' ')
    end = options.get('end', '\n')
    target = options.get('file') or _sys.stdout
    target.write((' ' if sep is None else sep).join(_t.py2_text(i) for i in items) + ('\n' if end is None else end))


# ---- exec, eval and compile of Python 2 text ------------------------------------------------------------------

def _translated(source):
    if isinstance(source, (bytes, bytearray)):
        source = source.decode('latin-1')
    if not isinstance(source, _str):
        return source
    import periscope_host
    return periscope_host.call('$translate', _str(source))


def _scope(globals, locals, depth):
    if globals is None:
        frame = _sys._getframe(depth + 1)
        globals = frame.f_globals
        if locals is None:
            locals = frame.f_locals
    elif isinstance(globals, _dict) and '__builtins__' not in globals:
        globals['__builtins__'] = _shims['__builtin__'].__dict__
    return globals, globals if locals is None else locals


def _exec(source, globals=None, locals=None):
    globals, locals = _scope(globals, locals, 1)
    code = source if not isinstance(source, (_str, bytes)) else _builtins.compile(_translated(source), '<string>', 'exec')
    _builtins.exec(code, globals, locals)


def _eval(source, globals=None, locals=None):
    globals, locals = _scope(globals, locals, 1)
    code = source if not isinstance(source, (_str, bytes)) else _builtins.compile(_translated(source).strip(), '<string>', 'eval')
    return _builtins.eval(code, globals, locals)


def _compile(source, filename, mode, flags=0, dont_inherit=False):
    text = _translated(source)
    return _builtins.compile(text.strip() if mode == 'eval' else text, filename, mode, flags, dont_inherit)


# ---- the translator's helpers ---------------------------------------------------------------------------------

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


def _p2_message(obj):
    # x.message: Python 2's BaseException.message (the only argument, else ''), or x's own attribute (Java
    # exceptions answer getMessage()).
    try:
        return obj.message
    except AttributeError:
        if not isinstance(obj, BaseException):
            raise
        if len(obj.args) != 1:
            return ''
        rewritten = _errors.py2_message(obj)
        return obj.args[0] if rewritten is None else rewritten


class _Seen(object):
    """A value seen through the Python 2 methods its Python 3 type lacks; anything else is the value's own."""
    __slots__ = ('_v',)

    def __init__(self, value):
        self._v = value

    def __getattr__(self, name):
        return getattr(self._v, name)


class _Py2Dict(_Seen):
    """A Python 3 dict seen through Python 2's methods: keys/values/items are lists, iter* iterate, has_key exists."""
    __slots__ = ()

    def has_key(self, key):
        return key in self._v

    def keys(self):
        return _list(self._v.keys())

    def values(self):
        return _list(self._v.values())

    def items(self):
        return _list(self._v.items())

    def iterkeys(self):
        return iter(self._v.keys())

    def itervalues(self):
        return iter(self._v.values())

    def iteritems(self):
        return iter(self._v.items())


def _maketrans(source, target):
    if len(source) != len(target):
        raise ValueError('maketrans arguments must have same length')
    table = [_builtins.chr(i) for i in range(256)]
    for s, t in zip(source, target):
        table[ord(s)] = t
    return ''.join(table)


def _type_error_join(i, item):
    return TypeError('sequence item %d: expected string, %s found' % (i, _t.typeof(item).__name__))


class _Py2Str(_Seen):
    """A byte string seen through Python 2's methods that differ from Python 3's."""
    __slots__ = ()

    def encode(self, encoding=None, errors='strict'):
        return _t.encode_text(self._v, encoding, errors)

    def decode(self, encoding=None, errors='strict'):
        return _t.decode_bytes(self._v, encoding, errors)

    def join(self, items):
        items = _list(items)
        for i, item in enumerate(items):
            if not isinstance(item, _str):
                raise _type_error_join(i, item)
        joined = self._v.join(items)
        return _t.u(joined) if any(isinstance(i, _t.unicode) for i in items) else joined

    def format(self, *args, **kwargs):
        # A byte string's format gives a byte string: unicode arguments are encoded with ASCII.
        text = self._v.format(*[_Formatted(a) for a in args], **dict((k, _Formatted(v)) for k, v in kwargs.items()))
        return _t.py2_str(_t.u(text)) if isinstance(text, _t.unicode) else text

    def translate(self, table, deletechars=None):
        s = self._v
        if deletechars:
            s = ''.join(c for c in s if c not in deletechars)
        if table is None:
            return s
        if isinstance(table, _str) and len(table) == 256:
            return ''.join(table[ord(c)] if ord(c) < 256 else c for c in s)
        return s.translate(table)

    def _ascii_only(method):
        def call(self):
            s = self._v
            return bool(s) and all(ord(c) < 128 for c in s) and method(s)
        return call

    isalpha = _ascii_only(_str.isalpha)
    isalnum = _ascii_only(_str.isalnum)
    isdigit = _ascii_only(_str.isdigit)
    islower = _ascii_only(_str.islower)
    isupper = _ascii_only(_str.isupper)
    isspace = _ascii_only(_str.isspace)


class _Formatted(object):
    """A format() argument: an empty spec gives Python 2's str(), as Python 2 does."""
    __slots__ = ('_v',)

    def __init__(self, v):
        self._v = v

    def __format__(self, spec):
        if not spec:
            return _t.py2_text(self._v)
        return format(self._v, spec)

    def __getattr__(self, name):
        return getattr(self._v, name)

    def __getitem__(self, key):
        return self._v[key]


class _Py2List(_Seen):
    """A list seen through Python 2's sort, which takes a cmp function."""
    __slots__ = ()

    def sort(self, cmp=None, key=None, reverse=False):
        sort_in_place(self._v, cmp, key, reverse)


class _Py2Iterator(_Seen):
    """An iterator or generator with Python 2's next() method."""
    __slots__ = ()

    def next(self):
        return next(self._v)


class _Py2Float(_Seen):
    """A float whose as_integer_ratio gives longs."""
    __slots__ = ()

    def as_integer_ratio(self):
        return tuple(_t.as_long(v) for v in self._v.as_integer_ratio())


def _p2(obj):
    # Jython's dicts, unicode strings and the runtime's wrappers have their Python 2 methods already.
    t = _type(obj)
    if t is _str:
        return _Py2Str(obj)
    if t is _list:
        return _Py2List(obj)
    if t is _dict:
        return _Py2Dict(obj)
    if t is float:
        return _Py2Float(obj)
    # Looked up on the type: an object with __getattr__ (system.date) must not be asked for 'next'.
    if hasattr(t, '__next__') and not hasattr(t, 'next'):
        return _Py2Iterator(obj)
    return obj


# ---- modules as Python 2 scripts import them ------------------------------------------------------------------

def _module(name, **names):
    module = _types.ModuleType(name)
    module.__dict__.update(names)
    return module


def _json_loads(s, **kwargs):
    # Jython's json reads objects into Jython dicts, strings as unicode and big integers as longs.
    kwargs.setdefault('parse_int', _t.int)
    return _t.from_host(_json.loads(s, **kwargs))


def _json_dumps(obj, **kwargs):
    if kwargs.get('indent') is not None and kwargs.get('separators') is None:
        kwargs['separators'] = (', ', ': ')
    return _json.dumps(obj, **kwargs)


def _json_load(fp, **kwargs):
    return _json_loads(fp.read(), **kwargs)


def _json_dump(obj, fp, **kwargs):
    fp.write(_json_dumps(obj, **kwargs))


_json_module = _module('json', loads=_json_loads, dumps=_json_dumps, load=_json_load, dump=_json_dump,
                       JSONEncoder=_json.JSONEncoder, JSONDecoder=_json.JSONDecoder)


def _math_module():
    module = _module('math', **dict((k, v) for k, v in vars(_math).items() if not k.startswith('__')))
    module.floor = lambda x: float(_math.floor(x))
    module.ceil = lambda x: float(_math.ceil(x))
    module.factorial = lambda x: _t.as_long(_math.factorial(x))
    return module


class _SysModule(_types.ModuleType):
    """sys as a Jython script sees it; anything else reads and writes the real sys."""
    maxint = 2147483647
    maxsize = 2147483647
    platform = 'java17'
    version_info = (2, 7, 3, 'final', 0)
    version = '2.7.3'
    exc_clear = staticmethod(_errors.exc_clear)

    def __getattr__(self, name):
        return getattr(_sys, name)

    def __setattr__(self, name, value):
        setattr(_sys, name, value)


_types_module = _module(
    'types', NoneType=_type(None), TypeType=_t.type, ObjectType=object, IntType=_t.int, LongType=_t.long,
    FloatType=float, BooleanType=bool, ComplexType=complex, StringType=_t.str, UnicodeType=_t.unicode,
    StringTypes=(_t.str, _t.unicode), BufferType=memoryview, TupleType=tuple, ListType=_list, DictType=_c.dict,
    DictionaryType=_c.dict, FunctionType=_types.FunctionType, LambdaType=_types.LambdaType,
    GeneratorType=_types.GeneratorType, ClassType=_classes.classobj, InstanceType=_classes.instance,
    MethodType=_types.MethodType, UnboundMethodType=_types.MethodType, BuiltinFunctionType=_types.BuiltinFunctionType,
    ModuleType=_types.ModuleType, SliceType=slice, XRangeType=xrange, FileType=_io.TextIOWrapper)

_exceptions_module = _module('exceptions', **dict(
    [(k, v) for k, v in vars(_builtins).items() if isinstance(v, _type) and issubclass(v, BaseException)],
    StandardError=_errors.StandardError))

_shims = {'json': _json_module, 'types': _types_module, 'exceptions': _exceptions_module, 'math': _math_module(),
          'sys': _SysModule('sys'), 'errno': _errors.errno_module, 'traceback': _errors.traceback_module,
          'random': _random_module.module}


def _import(name, globals=None, locals=None, fromlist=(), level=0):
    shim = _shims.get(name) if level == 0 else None
    if shim is not None:
        return shim
    return _builtins.__import__(name, globals, locals, fromlist, level)


# ---- the builtins ---------------------------------------------------------------------------------------------

def make_py2_builtins():
    names = _dict(vars(_builtins))
    names.update({
        'str': _t.str, 'unicode': _t.unicode, 'basestring': _t.basestring, 'int': _t.int, 'long': _t.long,
        'type': _t.type, 'dict': _c.dict, 'set': _c.set, 'frozenset': _c.frozenset, 'repr': _t.py2_repr,
        'xrange': xrange, 'unichr': _unichr, 'chr': _chr, 'hex': _hex, 'oct': _oct, 'cmp': py2_cmp, 'coerce': _coerce,
        'raw_input': _raw_input, 'reduce': _functools.reduce, 'apply': _apply, 'execfile': _execfile,
        'intern': _sys.intern, 'range': _range, 'map': _map, 'filter': _filter, 'zip': _zip, 'sorted': _sorted,
        'min': _min, 'max': _max, 'round': _round, 'sum': _sum, 'file': _file, 'print': _print_function,
        'exec': _exec, 'eval': _eval, 'compile': _compile, 'hash': _hash,
        'StandardError': _errors.StandardError, '__build_class__': _classes.build_class, 'super': _classes.py2_super,
        '__import__': _import,
        '_p2': _p2, '_p2_div': _p2_div, '_p2_print_item': _p2_print_item, '_p2_print_end': _p2_print_end, '_p2_raise': _p2_raise,
        '_p2_message': _p2_message, '_p2_lt': _p2_lt, '_p2_le': _p2_le, '_p2_gt': _p2_gt, '_p2_ge': _p2_ge,
        '_p2_mod': _t.py2_mod, '_p2_pow': _t.py2_pow, '_p2_lshift': _t.py2_lshift, 'pow': _t.py2_pow, '_p2_u': _t.u, '_p2_b': _t.b, '_p2_L': _t.as_long, '_p2_d': _c.display_dict,
        '_p2_s': _c.display_set, '_p2_handled': _errors.handled, '_p2_unpack': _unpack, '_p2_class_leak': _class_leak, '_p2_class_leaked': _class_leaked,
    })
    return names


def _join(words, sep=' '):
    return _Py2Str(sep).join(words)


# Python 3's compiler warns about code Python 2 accepts silently ('abc'() for one); scripts see no such warnings.
_warnings.filterwarnings('ignore', category=SyntaxWarning)

# Module attributes Python 2 code reads; adding them does not change anything Python 3 code relies on.
_string.letters = _string.ascii_letters
_string.lowercase = _string.ascii_lowercase
_string.uppercase = _string.ascii_uppercase
_string.maketrans = _maketrans
_string.join = _join
_string.joinfields = _join
_string.split = lambda s, sep=None, maxsplit=-1: s.split(sep, maxsplit)
_string.strip = lambda s, chars=None: s.strip(chars)
_string.upper = lambda s: s.upper()
_string.lower = lambda s: s.lower()
_string.replace = lambda s, old, new, count=-1: s.replace(old, new, count)
_string.atoi = lambda s, base=10: _t.int(s, base)
_string.atof = float
_string.zfill = lambda s, width: _str(s).zfill(width)
_itertools.izip = zip
_itertools.imap = map
_itertools.ifilter = filter
_itertools.izip_longest = _itertools.zip_longest


def _alias(name, **names):
    _sys.modules.setdefault(name, _module(name, **names))


# Python 2 module names; none exists in Python 3, so registering them cannot shadow anything.
_sys.modules.setdefault('Queue', _queue)
_sys.modules.setdefault('cPickle', _pickle)
_alias('StringIO', StringIO=_io.StringIO)
_alias('cStringIO', StringIO=_io.StringIO)
_shims['__builtin__'] = _module('__builtin__', **make_py2_builtins())
`;
