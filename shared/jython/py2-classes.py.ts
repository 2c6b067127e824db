// Python source of `_periscope_py2_classes`: classes as Jython makes them. Every class statement of a script goes
// through build_class (the script's __build_class__), which honours __metaclass__, makes old-style (classic) classes
// of classes without bases, and gives Python 2's special methods (__cmp__, __nonzero__, __getslice__, __coerce__)
// their Python 3 spelling.
//
// Classic classes search their bases depth first, have unbound methods that check their first argument, are of type
// 'classobj' and their instances of type 'instance'. They derive from BaseException behind the scenes so that a
// script can raise one, as Python 2 allows; `except Exception` does not catch them, as on Jython.
export const py2ClassesSource = String.raw`
import builtins as _b
import sys as _sys
import types as _types

import _periscope_py2_types as _t
import _periscope_py2_errors as _errors

_RICH = (('__lt__', '__gt__', lambda r: r < 0), ('__le__', '__ge__', lambda r: r <= 0),
         ('__gt__', '__lt__', lambda r: r > 0), ('__ge__', '__le__', lambda r: r >= 0),
         ('__eq__', '__eq__', lambda r: r == 0), ('__ne__', '__ne__', lambda r: r != 0))


def _defined(ns, bases, name):
    """Whether the class body or a base (other than object and the classic marker) defines name."""
    if name in ns:
        return True
    for base in bases:
        for klass in base.__mro__:
            if klass in (object, _Classic, BaseException):
                continue
            if name in klass.__dict__:
                return True
    return False


def _from_cmp(test):
    def compare(self, other):
        result = self.__cmp__(other)
        if result is NotImplemented:
            return NotImplemented
        return test(result)
    return compare


def _bool_of(nonzero):
    def __bool__(self):
        return bool(nonzero(self))
    return __bool__


def _with_getslice(getitem, getslice):
    def __getitem__(self, key):
        if isinstance(key, slice) and key.step is None and getslice is not None:
            start = 0 if key.start is None else key.start
            stop = _sys.maxsize if key.stop is None else key.stop
            return getslice(self, start, stop)
        if getitem is None:
            raise TypeError("'%s' object is unsubscriptable" % _b.type(self).__name__)
        return getitem(self, key)
    return __getitem__


def _coercing(method):
    def call(self, other):
        pair = self.__coerce__(other)
        if pair is None:
            return NotImplemented
        a, b = pair
        return method(a, b)
    return call


def py2_dunders(ns, bases, classic):
    """Python 2 special methods spelled as Python 3 reads them."""
    if '__nonzero__' in ns and '__bool__' not in ns:
        ns['__bool__'] = _bool_of(ns['__nonzero__'])
    if '__cmp__' in ns:
        written = set(ns)
        for name, reflected, test in _RICH:
            if name not in written and reflected not in written:
                ns[name] = _from_cmp(test)
    elif '__eq__' in ns and not _defined(ns, bases, '__ne__'):
        # Python 2 does not derive != from __eq__: without __ne__ (or __cmp__), != compares identities.
        ns['__ne__'] = lambda self, other: self is not other
    if ('__eq__' in ns or '__cmp__' in ns) and '__hash__' not in ns:
        # Python 2 keeps the identity hash of a class that defines equality.
        ns['__hash__'] = object.__hash__
    if '__getslice__' in ns:
        ns['__getitem__'] = _with_getslice(ns.get('__getitem__'), ns['__getslice__'])
    if classic and '__coerce__' in ns:
        for name in ('__add__', '__sub__', '__mul__', '__div__', '__mod__', '__pow__', '__radd__', '__rsub__', '__rmul__'):
            if name in ns:
                ns[name] = _coercing(ns[name])


# ---- classic classes ------------------------------------------------------------------------------------------

def _classic_mro(cls):
    if '_Classic' not in globals():
        return _b.type.mro(cls)
    seen = []

    def walk(klass):
        if klass not in seen:
            seen.append(klass)
        for base in klass.__bases__:
            if base is not _Classic and isinstance(base, ClassicType):
                walk(base)
    walk(cls)
    return seen + [_Classic, BaseException, object]


class UnboundMethod(object):
    """Class.method of Python 2: checks that its first argument is an instance of the class."""
    __slots__ = ('im_func', 'im_class')

    def __init__(self, function, cls):
        self.im_func = function
        self.im_class = cls

    @property
    def __func__(self):
        return self.im_func

    @property
    def __name__(self):
        return self.im_func.__name__

    im_self = None

    def __call__(self, *args, **kwargs):
        if not args or not isinstance(args[0], self.im_class):
            got = ('%s instance' % _t.typeof(args[0]).__name__) if args else 'nothing'
            raise TypeError('unbound method %s() must be called with %s instance as first argument (got %s instead)'
                            % (self.im_func.__name__, self.im_class.__name__, got))
        return self.im_func(*args, **kwargs)

    def __get__(self, obj, owner=None):
        return self if obj is None else _types.MethodType(self.im_func, obj)

    def __repr__(self):
        return '<unbound method %s.%s>' % (self.im_class.__name__, self.im_func.__name__)


class BoundMethod(object):
    """instance.method of Python 2, with im_self, im_func and im_class."""
    __slots__ = ('_method',)

    def __init__(self, method):
        self._method = method

    def __call__(self, *args, **kwargs):
        return self._method(*args, **kwargs)

    @property
    def im_self(self):
        return self._method.__self__

    __self__ = im_self

    @property
    def im_func(self):
        return self._method.__func__

    __func__ = im_func

    @property
    def im_class(self):
        return _b.type(self._method.__self__)

    @property
    def __name__(self):
        return self._method.__func__.__name__

    def __eq__(self, other):
        return isinstance(other, BoundMethod) and self._method == other._method

    def __hash__(self):
        return hash(self._method)

    def __repr__(self):
        return '<bound method %s.%s of %s>' % (self.im_class.__name__, self.__name__, _t.py2_repr(self.im_self))


def _method_of(cls, name, found):
    """Class.name as Python 2 gives it: a function defined in the class (or a base) is an unbound method."""
    if _b.type(found) is not _types.FunctionType or (name.startswith('__') and name.endswith('__')):
        return found
    for klass in _b.type.__getattribute__(cls, '__mro__'):
        raw = klass.__dict__.get(name)
        if raw is not None:
            return UnboundMethod(found, cls) if _b.type(raw) is _types.FunctionType else found
    return found


class NewStyleType(_t.type):
    """The metaclass of a script's new-style classes: type() names it 'type', and methods read from the class are
    unbound methods."""

    def __getattribute__(cls, name):
        return _method_of(cls, name, _b.type.__getattribute__(cls, name))


NewStyleType.__name__ = 'type'
_t._standing_for[NewStyleType] = _t.type


def _default_metaclass(bases):
    """The metaclass Python would pick for these bases, or NewStyleType where that is plain type."""
    winner = _b.type
    for base in bases:
        meta = _b.type(base)
        if issubclass(meta, winner):
            winner = meta
        elif not issubclass(winner, meta):
            return None
    return NewStyleType if winner in (_b.type, _t.type) else None


class ClassicType(_b.type):
    """The metaclass of old-style classes ('classobj')."""

    def mro(cls):
        if not cls.__dict__.get('_p2_classic', True):
            return _b.type.mro(cls)
        return _classic_mro(cls)

    def __getattribute__(cls, name):
        return _method_of(cls, name, _b.type.__getattribute__(cls, name))

    def __repr__(cls):
        if not cls.__dict__.get('_p2_classic', True):
            return "<class '%s.%s'>" % (cls.__module__, cls.__name__)
        return '<class %s.%s at 0x%x>' % (cls.__module__, cls.__name__, id(cls))

    def __str__(cls):
        return '%s.%s' % (cls.__module__, cls.__name__)


class _Classic(BaseException, metaclass=ClassicType):
    """The hidden base of every old-style class."""
    _p2_classic = True

    def __init__(self, *args, **kwargs):
        pass

    def __getattribute__(self, name):
        found = BaseException.__getattribute__(self, name)
        if _b.type(found) is _types.MethodType and found.__self__ is self:
            return BoundMethod(found)
        if name == '__class__' and found.__dict__.get('_p2_own_specials'):
            # The subclass that carries an instance's own special methods stays out of sight.
            return found.__mro__[1]
        return found

    def __setattr__(self, name, value):
        BaseException.__setattr__(self, name, value)
        if name in _INSTANCE_SPECIALS and is_classic(_b.type(self)):
            _use_own_special(self, name)

    def __repr__(self):
        cls = _b.type(self)
        return '<%s.%s instance at 0x%x>' % (cls.__module__, cls.__name__, id(self))

    def __str__(self):
        return self.__repr__()


# Special methods an old-style instance may carry itself; Python 3 looks them up on the class only.
_INSTANCE_SPECIALS = frozenset(['__len__', '__getitem__', '__setitem__', '__iter__', '__contains__', '__call__',
                                '__str__', '__repr__', '__nonzero__', '__eq__', '__ne__', '__lt__', '__gt__', '__hash__'])


def _use_own_special(obj, name):
    """An old-style instance given its own special method: from now on it belongs to a subclass of the same name
    whose method calls the instance's own one, as Jython calls it."""
    cls = _b.type(obj)
    if not cls.__dict__.get('_p2_own_specials'):
        cls = ClassicType(cls.__name__, (cls,), {'__module__': cls.__module__, '_p2_own_specials': True})
        object.__setattr__(obj, '__class__', cls)
    python3_name = '__bool__' if name == '__nonzero__' else name
    inherited = getattr(cls.__mro__[1], python3_name, None)

    def special(self, *args):
        own = self.__dict__.get(name)
        if own is not None:
            return own(*args)
        return inherited(self, *args)
    _b.type.__setattr__(cls, python3_name, special)


def is_classic(obj):
    return isinstance(obj, ClassicType) and obj.__dict__.get('_p2_classic', True)


class instance(object):
    """The type of old-style instances, as type() names it."""


class classobj(object):
    """The type of old-style classes, as type() names it."""


def _type_of(obj):
    if isinstance(obj, _Classic) and is_classic(_b.type(obj)):
        return instance
    if isinstance(obj, ClassicType):
        return classobj if is_classic(obj) else _t.type
    return None


_t._type_of_hooks.append(_type_of)


def _classic_attribute(exc):
    obj = getattr(exc, 'obj', None)
    name = getattr(exc, 'name', None)
    if obj is None or name is None:
        return None
    if isinstance(obj, _Classic) and is_classic(_b.type(obj)):
        return "%s instance has no attribute '%s'" % (_b.type(obj).__name__, name)
    if is_classic(obj):
        return "class %s has no attribute '%s'" % (obj.__name__, name)
    return None


_errors._classic_attribute_hooks.append(_classic_attribute)


# ---- the class statement --------------------------------------------------------------------------------------

def build_class(func, name, *bases, **kwargs):
    """__build_class__ for scripts: the body runs first, so that its __metaclass__ can choose the metaclass."""
    metaclass = kwargs.pop('metaclass', None)
    ns = {}
    exec(func.__code__, func.__globals__, ns, closure=func.__closure__)
    if metaclass is None:
        metaclass = ns.get('__metaclass__')
    if metaclass is None and not bases:
        metaclass = func.__globals__.get('__metaclass__')
    classic = metaclass is None and all(is_classic(b) for b in bases)
    if classic:
        metaclass = ClassicType
        bases = bases or (_Classic,)
    elif any(isinstance(b, ClassicType) for b in bases):
        # A class with both old- and new-style bases is new-style.
        ns['_p2_classic'] = False
    py2_dunders(ns, bases, classic)
    if metaclass is None:
        metaclass = _default_metaclass(bases or (object,))
    if metaclass is None:
        return _b.type(name, bases, ns, **kwargs)
    return metaclass(name, bases, ns, **kwargs)


def py2_super(*args):
    if args and is_classic(args[0]):
        raise TypeError('super: argument 1 must be type')
    return _b.super(*args)
`;
