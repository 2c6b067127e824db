// Python source of `_periscope_py2_order`: the iteration order of Jython's dicts and sets, and the Java hash codes
// it follows.
//
// Jython's dict and set are java.util.concurrent.ConcurrentHashMap tables (initial capacity 16, load factor 0.75,
// concurrency level 2), keyed by each object's Java hashCode(). The table is simulated key by key: bins by spread
// hash, nodes appended to a bin's chain, resizes that split chains the way ConcurrentHashMap.transfer does (nodes
// before a bin's last run come out reversed), and iterators that walk the live table as its Traverser does, so that
// keys added while iterating show up, or not, as on Jython. java.util.HashMap's own order is simulated too, for the
// Java collections scripts build.
export const py2OrderSource = String.raw`
import struct as _struct

_MASK = 0xffffffff


def _int32(v):
    v &= _MASK
    return v - 0x100000000 if v & 0x80000000 else v


# ---- Java hash codes ------------------------------------------------------------------------------------------

def string_hash(s):
    """java.lang.String.hashCode over UTF-16 code units."""
    h = 0
    for c in s:
        o = ord(c)
        if o > 0xffff:
            o -= 0x10000
            h = (31 * h + (0xd800 + (o >> 10))) & _MASK
            o = 0xdc00 + (o & 0x3ff)
        h = (31 * h + o) & _MASK
    return _int32(h)


def big_integer_hash(v):
    """java.math.BigInteger.hashCode: the magnitude's 32-bit words, big end first, times the sign."""
    sign = (v > 0) - (v < 0)
    mag = abs(v)
    words = []
    while mag:
        words.append(mag & _MASK)
        mag >>= 32
    h = 0
    for w in reversed(words):
        h = (31 * h + w) & _MASK
    return _int32(h * sign)


def float_hash(x):
    """PyFloat.hashCode: whole values hash as the integer, others by their bits."""
    if x != x:
        return 0
    if x in (float('inf'), float('-inf')):
        return -271828 if x < 0 else 314159
    if x == int(x):
        return int_hash(int(x))
    bits = _struct.unpack('>q', _struct.pack('>d', x))[0]
    return _int32((bits & _MASK) ^ ((bits >> 32) & _MASK))


def int_hash(v):
    return v if -0x80000000 <= v <= 0x7fffffff else big_integer_hash(v)


def tuple_hash(t):
    """PyTuple.hashCode, CPython 2's tuple hash over the items' Java hash codes."""
    mult = 1000003
    x = 0x345678
    for i in range(len(t) - 1, -1, -1):
        x = _int32((x ^ java_hash(t[i])) * mult)
        mult = _int32(mult + 82520 + i + i)
    return _int32(x + 97531)


_string_hashes = {}


def java_hash(value):
    """The hashCode() Jython's maps use for a key. Objects hashed by identity on Jython get Python's hash, which
    orders them differently: no script can rely on that order anyway."""
    if value is True:
        return 1
    if value is False:
        return 0
    if isinstance(value, str):
        # Keys repeat (the same few names in every row); a string's hash is computed once.
        found = _string_hashes.get(value)
        if found is None:
            if len(_string_hashes) > 50000:
                _string_hashes.clear()
            found = _string_hashes[value] = string_hash(value)
        return found
    if isinstance(value, int):
        return int_hash(value)
    if isinstance(value, float):
        return float_hash(value)
    if isinstance(value, tuple):
        return tuple_hash(value)
    if isinstance(value, frozenset):
        return _int32(sum(java_hash(v) for v in value))
    custom = getattr(type(value), 'hashCode', None)
    if custom is not None:
        return _int32(custom(value))
    return _int32(hash(value))


# ---- java.util.concurrent.ConcurrentHashMap --------------------------------------------------------------------

_MAX = 1 << 30
_TREEIFY = 8
_UNTREEIFY = 6
_MIN_TREEIFY_CAPACITY = 64


def _spread(h):
    h &= _MASK
    return (h ^ (h >> 16)) & 0x7fffffff


def table_size_for(c):
    n = 1
    while n < c:
        n <<= 1
    return min(n, _MAX)


class _Node(object):
    __slots__ = ('hash', 'key', 'next')

    def __init__(self, h, key, nxt=None):
        self.hash = h
        self.key = key
        self.next = nxt


class _TreeBin(object):
    """A bin of eight or more colliding keys in a table of 64 or more; its nodes stay listed from 'first'."""
    __slots__ = ('first',)

    def __init__(self, first):
        self.first = first


class _Forward(object):
    """What each bin of a resized table holds: iterators follow it to the new table."""
    __slots__ = ('table',)

    def __init__(self, table):
        self.table = table


def _chain(first):
    node = first
    while node is not None:
        yield node
        node = node.next


def _linked(nodes):
    first = None
    for node in reversed(nodes):
        first = _Node(node.hash, node.key, first)
    return first


def _find(first, key, h):
    pred, e = None, first
    while e is not None and not (e.hash == h and e.key == key):
        pred, e = e, e.next
    return pred, e


class _Change(object):
    """A journaled change other than an added key: 'remove', 'presize' or 'clear'."""
    __slots__ = ('op', 'arg')

    def __init__(self, op, arg=None):
        self.op = op
        self.arg = arg


_type = type


class ConcurrentHashOrder(object):
    """The key order of one ConcurrentHashMap; the values live in the dict or set it orders.

    Changes are journaled until the order is first needed, then replayed: most dicts (a row, a payload) are read by
    key and never walked, and pay for no table at all."""
    __slots__ = ('table', 'size_ctl', 'count', 'journal')

    def __init__(self, initial_capacity=16, load_factor=0.75, concurrency_level=2):
        if initial_capacity < concurrency_level:
            initial_capacity = concurrency_level
        self.table = None
        self.size_ctl = 32 if initial_capacity == 16 else table_size_for(int(1.0 + initial_capacity / load_factor))
        self.count = 0
        # Keys added, in order, with the other changes (_Change) between them.
        self.journal = []

    def add(self, key):
        """Records a key new to the map."""
        if self.journal is not None:
            self.journal.append(key)
        else:
            self._put(key, java_hash(key))

    def add_all(self, keys):
        if self.journal is not None:
            self.journal.extend(keys)
        else:
            for k in keys:
                self._put(k, java_hash(k))

    def remove(self, key):
        if self.journal is not None:
            self.journal.append(_Change('remove', key))
        else:
            self._remove(key, java_hash(key))

    def presize(self, size):
        """tryPresize: what putAll does before copying another map in."""
        if self.journal is not None:
            self.journal.append(_Change('presize', size))
        else:
            self._presize(size)

    def clear(self):
        if self.journal is not None:
            self.journal.append(_Change('clear'))
        else:
            self._clear()

    def _materialise(self):
        journal = self.journal
        if journal is None:
            return
        self.journal = None
        for entry in journal:
            if _type(entry) is not _Change:
                self._put(entry, java_hash(entry))
            elif entry.op == 'remove':
                self._remove(entry.arg, java_hash(entry.arg))
            elif entry.op == 'presize':
                self._presize(entry.arg)
            else:
                self._clear()

    def _put(self, key, h):
        """putVal, then addCount, for a key new to the map with its Java hashCode."""
        h = _spread(h)
        if self.table is None:
            n = self.size_ctl if self.size_ctl > 0 else 16
            self.table = [None] * n
            self.size_ctl = n - (n >> 2)
        tab = self.table
        i = (len(tab) - 1) & h
        f = tab[i]
        bin_count = 0
        if f is None:
            tab[i] = _Node(h, key)
        elif isinstance(f, _TreeBin):
            # TreeBin.putTreeVal makes the new node the bin's first.
            f.first = _Node(h, key, f.first)
            bin_count = 2
        else:
            bin_count = 1
            e = f
            while e.next is not None:
                e = e.next
                bin_count += 1
            e.next = _Node(h, key)
        if bin_count >= _TREEIFY:
            self._treeify(i)
        self.count += 1
        while self.count >= self.size_ctl and len(self.table) < _MAX:
            self._transfer()

    def _treeify(self, i):
        n = len(self.table)
        if n < _MIN_TREEIFY_CAPACITY:
            self._presize(n << 1)
        elif not isinstance(self.table[i], _TreeBin):
            self.table[i] = _TreeBin(_linked(list(_chain(self.table[i]))))

    def _presize(self, size):
        c = _MAX if size >= (_MAX >> 1) else table_size_for(size + (size >> 1) + 1)
        while True:
            sc = self.size_ctl
            if self.table is None:
                n = max(sc, c)
                self.table = [None] * n
                self.size_ctl = n - (n >> 2)
            elif c <= sc or len(self.table) >= _MAX:
                return
            else:
                self._transfer()

    def _transfer(self):
        tab = self.table
        n = len(tab)
        nxt = [None] * (n << 1)
        forward = _Forward(nxt)
        for i in range(n - 1, -1, -1):
            f = tab[i]
            if isinstance(f, _TreeBin):
                nodes = list(_chain(f.first))
                for j, part in ((i, [p for p in nodes if not p.hash & n]), (i + n, [p for p in nodes if p.hash & n])):
                    nxt[j] = None if not part else _linked(part) if len(part) <= _UNTREEIFY else _TreeBin(_linked(part))
            elif f is not None:
                run_bit = f.hash & n
                last_run = f
                for p in _chain(f.next):
                    if p.hash & n != run_bit:
                        run_bit = p.hash & n
                        last_run = p
                ln, hn = (last_run, None) if run_bit == 0 else (None, last_run)
                p = f
                while p is not last_run:
                    if p.hash & n == 0:
                        ln = _Node(p.hash, p.key, ln)
                    else:
                        hn = _Node(p.hash, p.key, hn)
                    p = p.next
                nxt[i] = ln
                nxt[i + n] = hn
            tab[i] = forward
        self.table = nxt
        self.size_ctl = (n << 1) - (n >> 1)

    def _remove(self, key, h):
        h = _spread(h)
        tab = self.table
        if tab is None:
            return
        i = (len(tab) - 1) & h
        f = tab[i]
        tree = isinstance(f, _TreeBin)
        pred, e = _find(f.first if tree else f, key, h)
        if e is None:
            return
        if pred is not None:
            pred.next = e.next
        elif tree:
            f.first = e.next
            if f.first is None:
                tab[i] = None
        else:
            tab[i] = e.next
        self.count -= 1

    def _clear(self):
        if self.table is not None:
            self.table = [None] * len(self.table)
        self.count = 0

    def __iter__(self):
        """The Traverser over the live table: weakly consistent, one node fetched ahead of the one returned."""
        self._materialise()
        tab = self.table
        if tab is None:
            return
        walk = _Traverser(tab)
        node = walk.advance(None)
        while node is not None:
            key = node.key
            node = walk.advance(node)
            yield key


class _Traverser(object):
    __slots__ = ('tab', 'index', 'base_index', 'base_size', 'stack')

    def __init__(self, tab):
        self.tab = tab
        self.base_size = len(tab)
        self.index = self.base_index = 0
        self.stack = []

    def advance(self, e):
        if e is not None:
            e = e.next
        while True:
            if e is not None:
                return e
            t = self.tab
            i = self.index
            if self.base_index >= self.base_size or t is None or len(t) <= i or i < 0:
                return None
            n = len(t)
            e = t[i]
            if isinstance(e, _Forward):
                self.tab = e.table
                e = None
                self.stack.append((t, i, n))
                continue
            if isinstance(e, _TreeBin):
                e = e.first
            if self.stack:
                self._recover(n)
            else:
                self.index = i + self.base_size
                if self.index >= n:
                    self.base_index += 1
                    self.index = self.base_index

    def _recover(self, n):
        stack = self.stack
        while stack:
            t, i, length = stack[-1]
            self.index += length
            if self.index < n:
                return
            n = length
            self.index = i
            self.tab = t
            stack.pop()
        self.index += self.base_size
        if self.index >= n:
            self.base_index += 1
            self.index = self.base_index


# ---- java.util.HashMap ----------------------------------------------------------------------------------------

class HashMapOrder(object):
    """The key order of a java.util.HashMap (table of 16 made on first put, doubled past 0.75 full, chains split in
    order); Jython hands scripts these for java.util.HashMap and HashSet."""
    __slots__ = ('table', 'threshold', 'count')

    def __init__(self, initial_capacity=None):
        self.table = None
        self.count = 0
        self.threshold = 0 if initial_capacity is None else table_size_for(max(initial_capacity, 1))

    def presize(self, size):
        """HashMap(Map): the table a copy of 'size' entries starts with."""
        if self.table is None and size > 0:
            t = table_size_for(int(size / 0.75 + 1.0))
            if t > self.threshold:
                self.threshold = t

    def _resize(self):
        old = self.table
        old_cap = 0 if old is None else len(old)
        if old_cap > 0:
            new_cap = old_cap << 1
        else:
            new_cap = self.threshold if self.threshold > 0 else 16
        self.threshold = int(new_cap * 0.75)
        new = [None] * new_cap
        if old is not None:
            for i, chain in enumerate(old):
                if chain:
                    new[i] = [k for k in chain if not k[0] & old_cap]
                    new[i + old_cap] = [k for k in chain if k[0] & old_cap]
        self.table = new

    def add(self, key, h):
        h &= _MASK
        h = h ^ (h >> 16)
        if self.table is None:
            self._resize()
        i = (len(self.table) - 1) & h
        chain = self.table[i]
        if chain is None:
            self.table[i] = [(h, key)]
        else:
            chain.append((h, key))
            if len(chain) > _TREEIFY and len(self.table) < _MIN_TREEIFY_CAPACITY:
                self._resize()
        self.count += 1
        if self.count > self.threshold:
            self._resize()

    def remove(self, key, h):
        h &= _MASK
        h = h ^ (h >> 16)
        if self.table is None:
            return
        chain = self.table[(len(self.table) - 1) & h]
        for j, (kh, k) in enumerate(chain or ()):
            if kh == h and k == key:
                del chain[j]
                self.count -= 1
                return

    def clear(self):
        if self.table is not None:
            self.table = [None] * len(self.table)
        self.count = 0

    def __iter__(self):
        for chain in list(self.table or ()):
            for _, key in list(chain or ()):
                yield key
`;
