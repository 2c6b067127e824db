// Python source of `periscope_perspective`: the session, page and property-tree wrappers scripts see.
//
// Each wrapper holds only an address (scope + path); every read and write is a host call, so the state stays
// in the runtime and every change is traced there. The runtime's Python modules run on both engines, Jython 2.7
// and Pyodide's Python 3, from this one source: TEXT, INTEGER and text() name what differs.
import { LIMITS } from '../tree';

export const perspectiveModule = String.raw`
import periscope_host

_call = periscope_host.call

OBJECT_WRAPPER = 'com.inductiveautomation.perspective.gateway.script.PropertyTreeScriptWrapper$ObjectWrapper'
ARRAY_WRAPPER = 'com.inductiveautomation.perspective.gateway.script.PropertyTreeScriptWrapper$ArrayWrapper'
SESSION_WRAPPER = 'com.inductiveautomation.perspective.gateway.script.SessionScriptWrapper'
PAGE_WRAPPER = 'com.inductiveautomation.perspective.gateway.script.PageScriptWrapper'
# The runtime's limits on one written value (tree.ts LIMITS), checked while copying, before anything crosses.
_MAX_DEPTH = ${LIMITS.depth}
_MAX_NODES = ${LIMITS.nodes}
_MAX_STRING = ${LIMITS.stringLength}

try:
    TEXT = (basestring,)  # Jython 2.7: str and unicode
    INTEGER = (int, long)
except NameError:  # Python 3
    TEXT = (str,)
    INTEGER = (int,)


def text(value):
    """A value as text for the runtime; str() would fail on Jython for a unicode value outside ASCII."""
    return value if isinstance(value, TEXT) else str(value)


def where():
    try:
        return list(periscope_host.location())
    except Exception:
        return None


def plain(value):
    """Python data as plain data for the runtime: wrappers become their current value, tuples become lists."""
    return _plain(value, 0, None)


def stored(value):
    """plain(value) for a property: one beyond the runtime's limits fails here, at the script's line, before a
    million keys are copied and sent."""
    return _plain(value, 0, [0])


def _plain(value, depth, count):
    if depth > _MAX_DEPTH:
        raise ValueError('value nested deeper than %d levels (is it cyclic?); store flatter data' % _MAX_DEPTH)
    if count is not None:
        count[0] += 1
        if count[0] > _MAX_NODES:
            raise ValueError('value too large: more than %d elements; store less data in a property' % _MAX_NODES)
        if isinstance(value, TEXT) and len(value) > _MAX_STRING:
            raise ValueError('string of %d characters is too large for a property (limit %d)' % (len(value), _MAX_STRING))
    if isinstance(value, (ObjectWrapper, ArrayWrapper)):
        return _call('tree.plain', value._scope, value._path)
    if count is not None and isinstance(value, (dict, list, tuple, set, frozenset)) and count[0] + len(value) > _MAX_NODES:
        # Every element is a node: refuse before walking a container that could never fit.
        raise ValueError('value too large: more than %d elements; store less data in a property' % _MAX_NODES)
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            out[text(k)] = _plain(v, depth + 1, count)
        return out
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v, depth + 1, count) for v in value]
    encode = getattr(type(value), '__periscope_encode__', None)
    if encode is not None:
        return encode(value)
    return value


def wrap(scope, path, found):
    kind = found[0]
    if kind == 'o':
        return ObjectWrapper(scope, path)
    if kind == 'a':
        return ArrayWrapper(scope, path)
    return found[1]


class _Node(object):
    __slots__ = ('_scope', '_path')

    def __init__(self, scope, path):
        object.__setattr__(self, '_scope', scope)
        object.__setattr__(self, '_path', path)

    def _read(self, key):
        if self._scope[-1] == 'auth':
            # session.auth is a lenient alias: the runtime reports misuses such as session.auth.roles by line.
            return _call('tree.get', self._scope, self._path + [key], where())
        return _call('tree.get', self._scope, self._path + [key])

    def _write(self, key, value):
        _call('tree.set', self._scope, self._path + [key], stored(value))

    def tolist(self):
        return _call('tree.plain', self._scope, self._path)

    # How the engine sends a wrapper anywhere (a handler's return value, a host call): as its current value.
    __periscope_encode__ = tolist

    def __len__(self):
        return _call('tree.size', self._scope, self._path)

    def __nonzero__(self):
        return len(self) > 0

    __bool__ = __nonzero__

    def __eq__(self, other):
        return self.tolist() == plain(other)

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = None

    def __repr__(self):
        return repr(self.tolist())

    def __str__(self):
        return str(self.tolist())


class ObjectWrapper(_Node):
    """An object of a property tree: attribute and item access, has_key, get, keys/values/items."""
    __slots__ = ()

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        found = self._read(name)
        if found[0] == 'm':
            raise AttributeError("'%s' object has no attribute '%s'" % (OBJECT_WRAPPER, name))
        return wrap(self._scope, self._path + [name], found)

    def __setattr__(self, name, value):
        self._write(name, value)

    def __delattr__(self, name):
        _call('tree.delete', self._scope, self._path + [name])

    def __getitem__(self, key):
        found = self._read(key)
        if found[0] == 'm':
            raise KeyError(key)
        return wrap(self._scope, self._path + [key], found)

    def __setitem__(self, key, value):
        self._write(key, value)

    def __delitem__(self, key):
        _call('tree.delete', self._scope, self._path + [key])

    def __contains__(self, key):
        return self._read(key)[0] != 'm'

    def __iter__(self):
        return iter(self.keys())

    def has_key(self, key):
        return key in self

    def get(self, key, default=None):
        found = self._read(key)
        if found[0] == 'm':
            return default
        return wrap(self._scope, self._path + [key], found)

    def keys(self):
        return _call('tree.keys', self._scope, self._path)

    def values(self):
        return [self[k] for k in self.keys()]

    def items(self):
        return [(k, self[k]) for k in self.keys()]

    iterkeys = keys
    itervalues = values
    iteritems = items


class ArrayWrapper(_Node):
    """An array of a property tree: indexing, len, iteration, tolist()."""
    __slots__ = ()

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self.tolist()[index]
        found = self._read(index)
        if found[0] == 'm':
            raise IndexError('index out of range: %s' % index)
        return wrap(self._scope, self._path + [index], found)

    def __setitem__(self, index, value):
        self._write(index, value)

    def __iter__(self):
        return iter([self[i] for i in range(len(self))])

    def __contains__(self, item):
        return plain(item) in self.tolist()

    def __add__(self, other):
        return self.tolist() + plain(list(other))

    def __iadd__(self, other):
        # Perspective reads, concatenates and writes back; the assignment that follows does the write.
        return self.tolist() + plain(list(other))

    def append(self, item):
        _call('tree.set', self._scope, self._path + [len(self)], stored(item))

    def index(self, item):
        return self.tolist().index(plain(item))


class Session(object):
    """The session object of session events: props, custom, and nothing else (no id, auth or user)."""

    def __init__(self, session_id):
        object.__setattr__(self, '_id', session_id)
        object.__setattr__(self, 'props', ObjectWrapper(['session', session_id, 'props'], []))
        object.__setattr__(self, 'custom', ObjectWrapper(['session', session_id, 'custom'], []))

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        # The runtime reports the divergence and, when lenient, says which real prop the script meant.
        found = _call('session.missing', self._id, name, where())
        return wrap(found[1], found[2], found[3])

    def __setattr__(self, name, value):
        raise AttributeError("'%s' object attribute '%s' is read-only; write session.custom.%s instead" % (SESSION_WRAPPER, name, name))

    def getId(self):
        return self.props.id

    def __repr__(self):
        return '<Session %s>' % self._id


class Page(object):
    """The page object of Page Startup: id, session and props (path, primaryView, title, urlParams...)."""

    def __init__(self, session_id, page_id):
        object.__setattr__(self, 'id', page_id)
        object.__setattr__(self, 'session', Session(session_id))
        object.__setattr__(self, 'props', ObjectWrapper(['page', session_id, page_id, 'props'], []))

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        raise AttributeError("'%s' object has no attribute '%s'" % (PAGE_WRAPPER, name))

    def __setattr__(self, name, value):
        raise AttributeError("'%s' object attribute '%s' is read-only" % (PAGE_WRAPPER, name))

    def __repr__(self):
        return '<Page %s>' % self.id


class Record(object):
    """A read-only bag of attributes for event objects (keystroke events, barcode context)."""

    def __init__(self, fields):
        self.__dict__.update(fields)

    def __getitem__(self, key):
        return self.__dict__[key]

    def get(self, key, default=None):
        return self.__dict__.get(key, default)

    def __repr__(self):
        return repr(self.__dict__)


def decode(tag):
    """One of the runtime's tags in a handler's arguments (its contents already decoded) as the object scripts get."""
    if '$session' in tag:
        return Session(tag['$session'])
    if '$page' in tag:
        return Page(tag['$page'][0], tag['$page'][1])
    if '$record' in tag:
        return Record(tag['$record'])
    if '$component' in tag or '$view' in tag or '$qualified' in tag:
        import periscope_components
        return periscope_components.decode(tag)
    return tag

`;
