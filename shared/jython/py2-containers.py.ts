// Python source of `_periscope_py2_containers`: Jython's dict, set and frozenset, which iterate (and so print,
// serialise to JSON and pop) in the order of Jython's hash tables rather than in insertion order.
//
// Each is a subclass of the Python 3 type that keeps a simulated ConcurrentHashMap beside its contents; every method
// that adds or removes a key keeps the two together, and every method that walks the keys walks the simulation.
// Dict and set displays in scripts, dict(), set(), JSON and the runtime's data all make these.
export const py2ContainersSource = String.raw`
import builtins as _b

import _periscope_py2_types as _t
from _periscope_py2_order import ConcurrentHashOrder as _Order

_dict = _b.dict
_set = _b.set
_frozenset = _b.frozenset
_LOAD_FACTOR = 0.75


class _Container(_b.type):
    """Metaclass of the dict, set and frozenset scripts see: the Python 3 type's instances count as theirs too."""

    def __instancecheck__(cls, obj):
        base = cls.__dict__.get('_p2_base')
        if base is not None and isinstance(obj, base):
            return True
        return _b.type.__instancecheck__(cls, obj)

    def __repr__(cls):
        return "<type '%s'>" % cls.__name__


def _copy_capacity(size):
    # PyDictionary(Map): a table for the copy's size, never smaller than the default.
    return max(int(size / _LOAD_FACTOR) + 1, 16)


class dict(_dict, metaclass=_Container):
    __slots__ = ('_p2_order',)
    _p2_base = _dict

    def __new__(cls, *args, **kwargs):
        self = _dict.__new__(cls)
        self._p2_order = _Order()
        return self

    def __init__(self, *args, **kwargs):
        if args or kwargs:
            self.update(*args, **kwargs)

    @classmethod
    def _sized(cls, capacity):
        self = cls.__new__(cls)
        self._p2_order = _Order(capacity)
        return self

    def __reduce__(self):
        return (_b.type(self), (), None, None, iter(self.items()))

    def __reduce_ex__(self, protocol):
        return self.__reduce__()

    def __setitem__(self, key, value):
        if not _dict.__contains__(self, key):
            _dict.__setitem__(self, key, value)
            self._p2_order.add(key)
        else:
            _dict.__setitem__(self, key, value)

    def __delitem__(self, key):
        _dict.__delitem__(self, key)
        self._p2_order.remove(key)

    def __iter__(self):
        return iter(self._p2_order)

    def keys(self):
        return list(self._p2_order)

    def values(self):
        get = _dict.__getitem__
        return [get(self, k) for k in self._p2_order]

    def items(self):
        get = _dict.__getitem__
        return [(k, get(self, k)) for k in self._p2_order]

    def iterkeys(self):
        return iter(self._p2_order)

    def itervalues(self):
        get = _dict.get
        for k in self._p2_order:
            yield get(self, k)

    def iteritems(self):
        get = _dict.get
        for k in self._p2_order:
            yield (k, get(self, k))

    viewkeys = keys
    viewvalues = values
    viewitems = items

    def has_key(self, key):
        return _dict.__contains__(self, key)

    def pop(self, key, *default):
        if _dict.__contains__(self, key):
            value = _dict.pop(self, key)
            self._p2_order.remove(key)
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        for key in self._p2_order:
            return (key, self.pop(key))
        raise KeyError('popitem(): dictionary is empty')

    def setdefault(self, key, default=None):
        if not _dict.__contains__(self, key):
            self[key] = default
        return _dict.__getitem__(self, key)

    def update(self, *args, **kwargs):
        if len(args) > 1:
            raise TypeError('dict expected at most 1 arguments, got %d' % len(args))
        if args:
            other = args[0]
            if isinstance(other, dict):
                # ConcurrentHashMap.putAll: presize for the other map, then copy it in its order.
                self._p2_order.presize(len(other))
                for k, v in other.items():
                    self[k] = v
            elif hasattr(other, 'keys'):
                for k in other.keys():
                    self[k] = other[k]
            else:
                for i, pair in enumerate(other):
                    try:
                        k, v = pair
                    except TypeError:
                        raise TypeError('cannot convert dictionary update sequence element #%d to a sequence' % i)
                    except ValueError:
                        raise ValueError('dictionary update sequence element #%d has length %d; 2 is required' % (i, len(pair)))
                    self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def copy(self):
        copy = _b.type(self)._sized(_copy_capacity(len(self)))
        copy.update(self)
        return copy

    def clear(self):
        _dict.clear(self)
        self._p2_order.clear()

    @classmethod
    def fromkeys(cls, keys, value=None):
        made = cls()
        for k in keys:
            made[k] = value
        return made

    def __repr__(self):
        return _t.container_repr(self, 'dict')

    def __str__(self):
        return self.__repr__()


def _iterable(other):
    return other if isinstance(other, (set, frozenset)) else set(other)


class _SetMethods(object):
    """What Jython's set and frozenset share: order, repr and the operations that make a new set."""
    __slots__ = ()

    def __iter__(self):
        return iter(self._p2_order)

    def __repr__(self):
        return _t.container_repr(self, 'set')

    __str__ = __repr__

    def __reduce__(self):
        return (_b.type(self), (list(self),))

    def __reduce_ex__(self, protocol):
        return self.__reduce__()

    def copy(self):
        return _b.type(self)(self)

    def union(self, *others):
        result = set(self)
        for other in others:
            result.update(other)
        return _b.type(self)(result) if _b.type(self) is not set else result

    def intersection(self, *others):
        result = self
        for other in others:
            other = _iterable(other)
            little, big = (result, other) if len(result) <= len(other) else (other, result)
            result = _b.type(self)([v for v in little if v in big])
        return _b.type(self)(result) if result is self else result

    def difference(self, *others):
        # A copy with the common items removed: the copy's table keeps the size it had.
        result = set(self)
        for other in others:
            for v in list(_iterable(other)):
                result.discard(v)
        return _b.type(self)(result) if _b.type(self) is not set else result

    def symmetric_difference(self, other):
        other = _iterable(other)
        return _b.type(self)([v for v in self if v not in other] + [v for v in other if v not in self])

    def _operand(self, other):
        return isinstance(other, (_set, _frozenset))

    def __or__(self, other):
        return self.union(other) if self._operand(other) else NotImplemented

    def __and__(self, other):
        return self.intersection(other) if self._operand(other) else NotImplemented

    def __sub__(self, other):
        return self.difference(other) if self._operand(other) else NotImplemented

    def __xor__(self, other):
        return self.symmetric_difference(other) if self._operand(other) else NotImplemented

    def __ror__(self, other):
        return set(other).union(self) if self._operand(other) else NotImplemented

    def __rand__(self, other):
        return set(other).intersection(self) if self._operand(other) else NotImplemented

    def __rsub__(self, other):
        return set(other).difference(self) if self._operand(other) else NotImplemented

    def __rxor__(self, other):
        return set(other).symmetric_difference(self) if self._operand(other) else NotImplemented


class set(_SetMethods, _set, metaclass=_Container):
    __slots__ = ('_p2_order',)
    _p2_base = _set

    def __new__(cls, *args, **kwargs):
        self = _set.__new__(cls)
        self._p2_order = _Order()
        return self

    def __init__(self, items=()):
        self.clear()
        for v in items:
            self.add(v)

    def add(self, value):
        if not _set.__contains__(self, value):
            _set.add(self, value)
            self._p2_order.add(value)

    def discard(self, value):
        if _set.__contains__(self, value):
            _set.discard(self, value)
            self._p2_order.remove(value)

    def remove(self, value):
        if not _set.__contains__(self, value):
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        for value in self._p2_order:
            self.discard(value)
            return value
        raise KeyError('pop from an empty set')

    def clear(self):
        _set.clear(self)
        self._p2_order.clear()

    def update(self, *others):
        for other in others:
            for v in list(other):
                self.add(v)

    def intersection_update(self, *others):
        kept = self.intersection(*others)
        self.clear()
        self.update(kept)

    def difference_update(self, *others):
        for other in others:
            for v in list(other):
                self.discard(v)

    def symmetric_difference_update(self, other):
        result = self.symmetric_difference(other)
        self.clear()
        self.update(result)

    def __ior__(self, other):
        self.update(other)
        return self

    def __iand__(self, other):
        self.intersection_update(other)
        return self

    def __isub__(self, other):
        self.difference_update(other)
        return self

    def __ixor__(self, other):
        self.symmetric_difference_update(other)
        return self


class frozenset(_SetMethods, _frozenset, metaclass=_Container):
    __slots__ = ('_p2_order',)
    _p2_base = _frozenset

    def __new__(cls, items=()):
        items = list(items)
        self = _frozenset.__new__(cls, items)
        self._p2_order = _Order()
        seen = _set()
        for v in items:
            if v not in seen:
                seen.add(v)
                self._p2_order.add(v)
        return self


_t._standing_for[_dict] = dict
_t._standing_for[_set] = set
_t._standing_for[_frozenset] = frozenset
_t.register_container(dict, 'dict')
_t.register_container(set, 'set')
_t.register_container(frozenset, 'set')


def _dict_from_host(plain):
    made = dict()
    for k, v in plain.items():
        made[k] = v
    return made


_t._from_host_hooks.append(_dict_from_host)


def display_dict(d):
    """A dict display or comprehension, {k: v, ...}: the keys go in the order they were written."""
    made = dict.__new__(dict)
    _dict.update(made, d)
    made._p2_order.add_all(_dict.keys(d))
    return made


def display_set(items):
    """A set display or comprehension, {a, b}: the items go in the order they were written."""
    return set(items)
`;
