// Python source of `_periscope_java_util`: the java.util classes Ignition scripts use (ArrayList, HashMap and the
// other collections, Collections, Arrays, Date, Calendar, TimeZone, UUID), behaving as Jython exposes them: Java's
// methods, Python's protocols (len, in, [], iteration), Java's toString when printed, Java's iteration order.
export const javaUtilSource = String.raw`
import builtins as _b
import calendar as _calendar
import datetime as _datetime
import functools as _functools
import uuid as _uuid

import _periscope_py2_types as _t
import _periscope_py2_containers as _c
from _periscope_py2_order import HashMapOrder as _HashMapOrder, java_hash as _hash
from _periscope_java_lang import (JavaClass, java_class, to_java, java_string, out_of_bounds, host_call,
                                  UnsupportedOperationException, IllegalArgumentException, NullPointerException,
                                  RuntimeException, exception_class)

NoSuchElementException = exception_class('java.util.NoSuchElementException', RuntimeException)
ConcurrentModificationException = exception_class('java.util.ConcurrentModificationException', RuntimeException)


def _collection_string(items):
    return '[' + ', '.join(java_string(v) for v in items) + ']'


class _Iterator(object):
    """java.util.Iterator over a snapshot of a collection."""

    def __init__(self, items, owner=None):
        self._items = _b.list(items)
        self._at = 0
        self._owner = owner

    def hasNext(self):
        return self._at < len(self._items)

    def next(self):
        if self._at >= len(self._items):
            raise NoSuchElementException()
        self._at += 1
        return self._items[self._at - 1]

    def remove(self):
        self._owner.remove(self._items[self._at - 1])

    def __iter__(self):
        return self

    def __next__(self):
        if not self.hasNext():
            raise StopIteration
        return self.next()


class _Items(object):
    """What a Java collection held as a Python list of items answers."""

    def size(self):
        return len(self._items)

    def isEmpty(self):
        return not self._items

    def contains(self, value):
        return value in self._items

    def iterator(self):
        return _Iterator(self._items, self)

    def toArray(self):
        return _b.list(self._items)

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(_b.list(self._items))

    def __contains__(self, value):
        return value in self._items


# ---- lists ----------------------------------------------------------------------------------------------------

@java_class
class ArrayList(_Items, metaclass=JavaClass):
    __module__ = 'java.util'
    _fixed = False
    _read_only = False

    def __init__(self, items=None):
        self._items = [] if items is None or isinstance(items, _b.int) else [to_java(v) for v in items]

    def _check(self, resizing=True):
        if self._read_only or (resizing and self._fixed):
            raise UnsupportedOperationException()

    def add(self, *args):
        self._check()
        if len(args) == 2:
            index, value = args
            if not 0 <= index <= len(self._items):
                raise out_of_bounds(index, len(self._items))
            self._items.insert(index, to_java(value))
            return None
        self._items.append(to_java(args[0]))
        return True

    def addAll(self, *args):
        self._check()
        if len(args) == 2:
            index, items = args
            self._items[index:index] = [to_java(v) for v in items]
        else:
            self._items.extend(to_java(v) for v in args[0])
        return True

    def get(self, index):
        if not 0 <= index < len(self._items):
            raise out_of_bounds(index, len(self._items))
        return self._items[index]

    def set(self, index, value):
        self._check(resizing=False)
        old = self.get(index)
        self._items[index] = to_java(value)
        return old

    def remove(self, target):
        self._check()
        if isinstance(target, _b.int) and not isinstance(target, bool):
            old = self.get(target)
            del self._items[target]
            return old
        for i, v in enumerate(self._items):
            if v == target:
                del self._items[i]
                return True
        return False

    def indexOf(self, value):
        return self._items.index(value) if value in self._items else -1

    def lastIndexOf(self, value):
        for i in range(len(self._items) - 1, -1, -1):
            if self._items[i] == value:
                return i
        return -1

    def clear(self):
        self._check()
        del self._items[:]

    def subList(self, start, end):
        return ArrayList(self._items[start:end])

    def getFirst(self):
        if not self._items:
            raise NoSuchElementException()
        return self._items[0]

    def getLast(self):
        if not self._items:
            raise NoSuchElementException()
        return self._items[-1]

    def equals(self, other):
        return self == other

    def hashCode(self):
        h = 1
        for v in self._items:
            h = (31 * h + (0 if v is None else _hash(v))) & 0xffffffff
        return h - 0x100000000 if h & 0x80000000 else h

    def toString(self):
        return _t.u(_collection_string(self._items))

    def __str__(self):
        return _collection_string(self._items)

    __repr__ = __str__

    def __periscope_encode__(self):
        # Stored into a property or sent to the runtime, a Java list is its items, as Ignition converts it.
        return _b.list(self._items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return ArrayList(self._items[index])
        if not -len(self._items) <= index < len(self._items):
            raise IndexError('index out of range: %d' % index)
        return self._items[index]

    def __setitem__(self, index, value):
        self._check(resizing=False)
        self._items[index] = to_java(value)

    def __delitem__(self, index):
        self._check()
        del self._items[index]

    def __eq__(self, other):
        if isinstance(other, ArrayList):
            return self._items == other._items
        if isinstance(other, _b.list):
            return self._items == other
        return False

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = None


LinkedList = JavaClass('LinkedList', (ArrayList,), {'_java_name': 'java.util.LinkedList', '__module__': 'java.util'})
Vector = JavaClass('Vector', (ArrayList,), {'_java_name': 'java.util.Vector', '__module__': 'java.util'})


# ---- maps -----------------------------------------------------------------------------------------------------

class _Entry(object):
    __slots__ = ('_key', '_value')

    def __init__(self, key, value):
        self._key = key
        self._value = value

    def getKey(self):
        return self._key

    def getValue(self):
        return self._value

    def __str__(self):
        return '%s=%s' % (java_string(self._key), java_string(self._value))

    __repr__ = __str__

    def __iter__(self):
        return iter((self._key, self._value))


class _View(_Items):
    """keySet(), values() and entrySet(): Java collections over a snapshot of the map."""

    def __init__(self, items, java_name):
        self._items = items
        self._java_name = java_name

    def __str__(self):
        return _collection_string(self._items)

    __repr__ = __str__


@java_class
class HashMap(object, metaclass=JavaClass):
    """java.util.HashMap: Java's methods, the dict methods Jython adds to every Java map, Java's key order."""
    __module__ = 'java.util'

    def __init__(self, source=None):
        self._values = {}
        self._order = self._new_order(source)
        if source is not None and not isinstance(source, _b.int):
            pairs = source.items() if hasattr(source, 'items') else source.entrySet()
            for k, v in pairs:
                self.put(k, v)

    def _new_order(self, source):
        order = _HashMapOrder(source if isinstance(source, _b.int) else None)
        if source is not None and not isinstance(source, _b.int):
            order.presize(len(source))
        return order

    def _keys(self):
        return _b.list(self._order)

    def put(self, key, value):
        key, value = to_java(key), to_java(value)
        old = self._values.get(key)
        if key not in self._values:
            self._order.add(key, 0 if key is None else _hash(key))
        self._values[key] = value
        return old

    def get(self, key, default=None):
        return self._values.get(key, default)

    def getOrDefault(self, key, default):
        return self._values.get(key, default)

    def containsKey(self, key):
        return key in self._values

    def containsValue(self, value):
        return value in self._values.values()

    def remove(self, key):
        if key not in self._values:
            return None
        self._order.remove(key, 0 if key is None else _hash(key))
        return self._values.pop(key)

    def putAll(self, other):
        for k, v in (other.items() if hasattr(other, 'items') else other.entrySet()):
            self.put(k, v)

    def putIfAbsent(self, key, value):
        if key in self._values and self._values[key] is not None:
            return self._values[key]
        return self.put(key, value)

    def size(self):
        return len(self._values)

    def isEmpty(self):
        return not self._values

    def clear(self):
        self._values.clear()
        self._order.clear()

    def keySet(self):
        return _View(self._keys(), 'java.util.HashMap$KeySet')

    def values(self):
        return _View([self._values[k] for k in self._keys()], 'java.util.HashMap$Values')

    def entrySet(self):
        return _View([_Entry(k, self._values[k]) for k in self._keys()], 'java.util.HashMap$EntrySet')

    # The dict methods Jython gives Java maps.
    def keys(self):
        return self._keys()

    def items(self):
        return [(k, self._values[k]) for k in self._keys()]

    def iteritems(self):
        return iter(self.items())

    def iterkeys(self):
        return iter(self._keys())

    def itervalues(self):
        return iter([self._values[k] for k in self._keys()])

    def has_key(self, key):
        return key in self._values

    def toString(self):
        return _t.u('{' + ', '.join('%s=%s' % (java_string(k), java_string(self._values[k])) for k in self._keys()) + '}')

    def __repr__(self):
        return '{' + ', '.join('%s: %s' % (_t.py2_repr(k), _t.py2_repr(self._values[k])) for k in self._keys()) + '}'

    __str__ = __repr__

    def __periscope_encode__(self):
        return _b.dict((k, self._values[k]) for k in self._keys())

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._keys())

    def __contains__(self, key):
        return key in self._values

    def __getitem__(self, key):
        if key not in self._values:
            raise KeyError(key)
        return self._values[key]

    def __setitem__(self, key, value):
        self.put(key, value)

    def __delitem__(self, key):
        if key not in self._values:
            raise KeyError(key)
        self.remove(key)

    def __eq__(self, other):
        if isinstance(other, HashMap):
            return self._values == other._values
        return isinstance(other, _b.dict) and self._values == _b.dict(other.items())

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = None


class _InsertionOrder(object):
    """LinkedHashMap's order: insertion order."""

    def __init__(self, capacity=None):
        self._keys = {}

    def presize(self, size):
        pass

    def add(self, key, h):
        self._keys[key] = None

    def remove(self, key, h):
        self._keys.pop(key, None)

    def clear(self):
        self._keys.clear()

    def __iter__(self):
        return iter(_b.list(self._keys))


class _SortedOrder(_InsertionOrder):
    """TreeMap's order: the keys' natural order."""

    def __iter__(self):
        return iter(sorted(self._keys))


@java_class
class LinkedHashMap(HashMap):
    __module__ = 'java.util'

    def _new_order(self, source):
        return _InsertionOrder()


@java_class
class TreeMap(HashMap):
    __module__ = 'java.util'

    def _new_order(self, source):
        return _SortedOrder()

    def firstKey(self):
        keys = self._keys()
        if not keys:
            raise NoSuchElementException()
        return keys[0]

    def lastKey(self):
        keys = self._keys()
        if not keys:
            raise NoSuchElementException()
        return keys[-1]


Hashtable = JavaClass('Hashtable', (HashMap,), {'_java_name': 'java.util.Hashtable', '__module__': 'java.util'})


# ---- sets -----------------------------------------------------------------------------------------------------

@java_class
class HashSet(object, metaclass=JavaClass):
    __module__ = 'java.util'
    _map = HashMap

    def __init__(self, items=None):
        self._m = self._map()
        for v in items or ():
            self.add(v)

    def add(self, value):
        if value in self._m:
            return False
        self._m.put(value, True)
        return True

    def addAll(self, items):
        changed = False
        for v in items:
            changed = self.add(v) or changed
        return changed

    def remove(self, value):
        return self._m.remove(value) is not None

    def contains(self, value):
        return value in self._m

    def size(self):
        return len(self._m)

    def isEmpty(self):
        return len(self._m) == 0

    def clear(self):
        self._m.clear()

    def iterator(self):
        return _Iterator(self._m._keys(), self)

    def toString(self):
        return _t.u(_collection_string(self._m._keys()))

    def __str__(self):
        return _collection_string(self._m._keys())

    __repr__ = __str__

    def __periscope_encode__(self):
        return self._m._keys()

    def __len__(self):
        return len(self._m)

    def __iter__(self):
        return iter(self._m._keys())

    def __contains__(self, value):
        return value in self._m


LinkedHashSet = JavaClass('LinkedHashSet', (HashSet,), {'_java_name': 'java.util.LinkedHashSet', '__module__': 'java.util', '_map': LinkedHashMap})
TreeSet = JavaClass('TreeSet', (HashSet,), {'_java_name': 'java.util.TreeSet', '__module__': 'java.util', '_map': TreeMap})


# ---- Collections, Arrays --------------------------------------------------------------------------------------

def _java_list(items, fixed=False, read_only=False):
    made = ArrayList(items)
    made._fixed = fixed
    made._read_only = read_only
    return made


@java_class
class Collections(object, metaclass=JavaClass):
    __module__ = 'java.util'

    @staticmethod
    def sort(items, comparator=None):
        if comparator is None:
            items._items.sort()
        else:
            compare = comparator.compare if hasattr(comparator, 'compare') else comparator
            items._items.sort(key=_functools.cmp_to_key(compare))

    @staticmethod
    def reverse(items):
        items._items.reverse()

    @staticmethod
    def max(items):
        return _b.max(items)

    @staticmethod
    def min(items):
        return _b.min(items)

    @staticmethod
    def emptyList():
        return _java_list([], read_only=True)

    @staticmethod
    def singletonList(value):
        return _java_list([value], read_only=True)

    @staticmethod
    def unmodifiableList(items):
        return _java_list(_b.list(items), read_only=True)

    @staticmethod
    def frequency(items, value):
        return _b.list(items).count(value)


@java_class
class Arrays(object, metaclass=JavaClass):
    __module__ = 'java.util'

    @staticmethod
    def asList(*items):
        if len(items) == 1 and isinstance(items[0], (_b.list, tuple)):
            items = items[0]
        return _java_list(items, fixed=True)


# ---- dates ----------------------------------------------------------------------------------------------------

@java_class
class TimeZone(object, metaclass=JavaClass):
    """java.util.TimeZone: offsets come from the runtime's time zone data; an unknown id is GMT, as in Java."""
    __module__ = 'java.util'

    def __init__(self, zone_id):
        self._id = zone_id

    @staticmethod
    def getTimeZone(zone_id):
        zone_id = _b.str(zone_id)
        known = zone_id in ('UTC', 'GMT') or host_call('date.zoneOffset', zone_id, 0) is not None
        return TimeZone(zone_id if known else 'GMT')

    @staticmethod
    def getDefault():
        return TimeZone('UTC')

    def getID(self):
        return _t.u(self._id)

    def offset_at(self, ms):
        if self._id in ('UTC', 'GMT'):
            return 0
        return _b.int(host_call('date.zoneOffset', self._id, _b.int(ms)))

    def getOffset(self, ms):
        return self.offset_at(ms)

    def getRawOffset(self):
        # The standard (winter) offset: the smaller of January's and July's.
        return min(self.offset_at(_JANUARY_2001), self.offset_at(_JULY_2001))

    def inDaylightTime(self, date):
        return self.offset_at(date.getTime()) != self.getRawOffset()


_JANUARY_2001 = 979516800000
_JULY_2001 = 995155200000


@java_class
class Date(object, metaclass=JavaClass):
    """java.util.Date: milliseconds since the epoch; prints like Java, in UTC."""
    __module__ = 'java.util'
    __slots__ = ('_ms',)

    def __init__(self, ms=None):
        self._ms = _b.int(host_call('date.nowMillis')) if ms is None else _b.int(ms)
        if not -2 ** 63 <= self._ms < 2 ** 63:
            raise TypeError("java.util.Date(): 1st arg can't be coerced to long, String")

    def getTime(self):
        return _t.as_long(self._ms)

    time = property(getTime)

    def setTime(self, ms):
        self._ms = _b.int(ms)

    def before(self, other):
        return self._ms < other.getTime()

    def after(self, other):
        return self._ms > other.getTime()

    def compareTo(self, other):
        return (self._ms > other.getTime()) - (self._ms < other.getTime())

    def equals(self, other):
        return isinstance(other, Date) and other.getTime() == self._ms

    def hashCode(self):
        h = (self._ms ^ (self._ms >> 32)) & 0xffffffff
        return h - 0x100000000 if h & 0x80000000 else h

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
        return self.hashCode()

    def toString(self):
        when = _datetime.datetime.fromtimestamp(self._ms // 1000, tz=_datetime.timezone.utc)
        return _t.u(when.strftime('%a %b %d %H:%M:%S UTC %Y'))

    def __str__(self):
        return _b.str(self.toString())

    __repr__ = __str__


_FIELDS = dict(ERA=0, YEAR=1, MONTH=2, WEEK_OF_YEAR=3, WEEK_OF_MONTH=4, DATE=5, DAY_OF_MONTH=5, DAY_OF_YEAR=6,
               DAY_OF_WEEK=7, DAY_OF_WEEK_IN_MONTH=8, AM_PM=9, HOUR=10, HOUR_OF_DAY=11, MINUTE=12, SECOND=13,
               MILLISECOND=14, ZONE_OFFSET=15, DST_OFFSET=16)
_CONSTANTS = dict(SUNDAY=1, MONDAY=2, TUESDAY=3, WEDNESDAY=4, THURSDAY=5, FRIDAY=6, SATURDAY=7, JANUARY=0,
                  FEBRUARY=1, MARCH=2, APRIL=3, MAY=4, JUNE=5, JULY=6, AUGUST=7, SEPTEMBER=8, OCTOBER=9, NOVEMBER=10,
                  DECEMBER=11, AM=0, PM=1)
_EPOCH = _datetime.datetime(1970, 1, 1)
_MS_PER = {14: 1, 13: 1000, 12: 60000, 11: 3600000, 10: 3600000}


@java_class
class Calendar(object, metaclass=JavaClass):
    """java.util.Calendar (a GregorianCalendar): fields of an instant in a time zone, set and added leniently."""
    __module__ = 'java.util'

    def __init__(self, zone=None):
        self._zone = zone or TimeZone('UTC')
        self._ms = _b.int(host_call('date.nowMillis'))

    @staticmethod
    def getInstance(zone=None):
        return Calendar(zone if isinstance(zone, TimeZone) else None)

    def _local(self):
        local = self._ms + self._zone.offset_at(self._ms)
        return _EPOCH + _datetime.timedelta(milliseconds=local)

    def _set_local(self, when):
        local = _b.int((when - _EPOCH) // _datetime.timedelta(milliseconds=1))
        offset = self._zone.offset_at(local)
        self._ms = local - self._zone.offset_at(local - offset)

    def getTime(self):
        return Date(self._ms)

    def setTime(self, date):
        self._ms = _b.int(date.getTime())

    def getTimeInMillis(self):
        return _t.as_long(self._ms)

    def setTimeInMillis(self, ms):
        self._ms = _b.int(ms)

    def getTimeZone(self):
        return self._zone

    def setTimeZone(self, zone):
        self._zone = zone

    def get(self, field):
        d = self._local()
        if field == 0:
            return 1
        if field == 1:
            return d.year
        if field == 2:
            return d.month - 1
        if field == 5:
            return d.day
        if field == 6:
            return d.timetuple().tm_yday
        if field == 7:
            return (d.weekday() + 1) % 7 + 1
        if field == 8:
            return (d.day - 1) // 7 + 1
        if field == 3:
            return _week_of_year(d)
        if field == 4:
            first = d.replace(day=1)
            return (d.day + (first.weekday() + 1) % 7 - 1) // 7 + 1
        if field == 9:
            return 0 if d.hour < 12 else 1
        if field == 10:
            return d.hour % 12
        if field == 11:
            return d.hour
        if field == 12:
            return d.minute
        if field == 13:
            return d.second
        if field == 14:
            return d.microsecond // 1000
        if field == 15:
            return self._zone.getRawOffset()
        if field == 16:
            return self._zone.offset_at(self._ms) - self._zone.getRawOffset()
        raise IllegalArgumentException()

    def set(self, *args):
        d = self._local()
        parts = [d.year, d.month - 1, d.day, d.hour, d.minute, d.second, d.microsecond // 1000]
        if len(args) == 2:
            field, value = args
            index = {1: 0, 2: 1, 5: 2, 11: 3, 12: 4, 13: 5, 14: 6}.get(field)
            if field == 10:
                parts[3] = (12 if d.hour >= 12 else 0) + value
            elif field == 9:
                parts[3] = d.hour % 12 + 12 * value
            elif field == 6:
                parts[1], parts[2] = 0, value
            elif index is None:
                raise IllegalArgumentException()
            else:
                parts[index] = value
        else:
            for i, value in enumerate(args):
                parts[i] = value
        self._set_local(_lenient(*parts))

    def add(self, field, amount):
        d = self._local()
        if field in (1, 2):
            months = d.year * 12 + d.month - 1 + (amount * 12 if field == 1 else amount)
            year, month = divmod(months, 12)
            day = min(d.day, _calendar.monthrange(year, month + 1)[1])
            self._set_local(d.replace(year=year, month=month + 1, day=day))
        elif field in (5, 6, 7, 8):
            self._set_local(d + _datetime.timedelta(days=amount * (7 if field == 8 else 1)))
        elif field in (3, 4):
            self._set_local(d + _datetime.timedelta(days=7 * amount))
        elif field in _MS_PER:
            self._ms += amount * _MS_PER[field]
        else:
            raise IllegalArgumentException()

    def getActualMaximum(self, field):
        d = self._local()
        if field == 5:
            return _calendar.monthrange(d.year, d.month)[1]
        if field == 6:
            return 366 if _calendar.isleap(d.year) else 365
        raise IllegalArgumentException()

    def before(self, other):
        return self._ms < other._ms

    def after(self, other):
        return self._ms > other._ms

    def toString(self):
        return _t.u('java.util.GregorianCalendar[time=%d]' % self._ms)

    __str__ = toString


for _name, _value in _FIELDS.items():
    setattr(Calendar, _name, _value)
for _name, _value in _CONSTANTS.items():
    setattr(Calendar, _name, _value)

GregorianCalendar = JavaClass('GregorianCalendar', (Calendar,), {'_java_name': 'java.util.GregorianCalendar', '__module__': 'java.util'})


def _lenient(year, month, day, hour, minute, second, ms):
    """A Gregorian date from fields that may overflow (month 13, day 0...), as a lenient Calendar reads them."""
    y, m = divmod(year * 12 + month, 12)
    start = _datetime.datetime(y, m + 1, 1)
    return start + _datetime.timedelta(days=day - 1, hours=hour, minutes=minute, seconds=second, milliseconds=ms)


def _week_of_year(d):
    # US rules: weeks start on Sunday, and week 1 is the week holding January 1st (also when it starts in December).
    day = d.date()
    start = day - _datetime.timedelta(days=(day.weekday() + 1) % 7)
    if (start + _datetime.timedelta(days=6)).year > day.year:
        return 1
    jan1 = _datetime.date(day.year, 1, 1)
    first = jan1 - _datetime.timedelta(days=(jan1.weekday() + 1) % 7)
    return (start - first).days // 7 + 1


@java_class
class UUID(object, metaclass=JavaClass):
    __module__ = 'java.util'

    def __init__(self, value):
        self._u = value

    @staticmethod
    def fromString(text):
        try:
            return UUID(_uuid.UUID(_b.str(text)))
        except ValueError:
            raise IllegalArgumentException('Invalid UUID string: %s' % text)

    @staticmethod
    def randomUUID():
        return UUID(_uuid.uuid4())

    def version(self):
        return self._u.version

    def toString(self):
        return _t.u(_b.str(self._u))

    def __str__(self):
        return _b.str(self._u)

    __repr__ = __str__

    def __eq__(self, other):
        return isinstance(other, UUID) and other._u == self._u

    def __hash__(self):
        return hash(self._u)


NAMES = dict(ArrayList=ArrayList, LinkedList=LinkedList, Vector=Vector, HashMap=HashMap, LinkedHashMap=LinkedHashMap,
             TreeMap=TreeMap, Hashtable=Hashtable, HashSet=HashSet, LinkedHashSet=LinkedHashSet, TreeSet=TreeSet,
             Collections=Collections, Arrays=Arrays, Date=Date, Calendar=Calendar, GregorianCalendar=GregorianCalendar,
             TimeZone=TimeZone, UUID=UUID, NoSuchElementException=NoSuchElementException,
             ConcurrentModificationException=ConcurrentModificationException)
EXCEPTIONS = [NoSuchElementException, ConcurrentModificationException]
`;
