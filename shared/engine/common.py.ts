// Python source of `_periscope_common`: what both engines' Python sides do the same way, in Python that runs on
// Jython 2.7 and on Python 3 alike: kept objects, the tagged values the runtime sends, user frames, line-buffered
// output, namespaces and the targets of an invoke.
export const engineCommonSource = String.raw`
import itertools
import sys
import types

user_files = set()
namespaces = {}
_refs = {}
_next_ref = [itertools.count(1)]
_arg_decoder = []


# ---- kept objects and tagged values -------------------------------------------------------------------------------

def set_first_ref(n):
    _next_ref[0] = itertools.count(int(n))


def ref(obj):
    n = next(_next_ref[0])
    _refs[n] = obj
    return n


def deref(n):
    try:
        return _refs[n]
    except KeyError:
        raise LookupError('object $ref %s is no longer kept by the engine (released, or lost when a runaway script '
                          'forced a restart)' % n)


def release(n):
    _refs.pop(n, None)


# The instants a JavaScript Date holds, so the runtime can: beyond them a java.util.Date stays inside Python.
DATE_LIMIT_MS = 8640000000000000


def date_tag(ms):
    """A java.util.Date as the runtime receives it; one the runtime cannot hold is an error where it crosses."""
    if not -DATE_LIMIT_MS <= ms <= DATE_LIMIT_MS:
        raise ValueError('the date %d ms from 1970 is beyond the dates the simulator holds (years -271821 to 275760); '
                         'keep it inside Python or use a nearer date' % ms)
    return {'$date': ms}


def data_dict(encoded):
    """An encoded dict as sent: one shaped like a tag ({'$date': 5}) goes as {"$dict": [[key, value]]}, so that the
    runtime never takes it for a date or a session."""
    if len(encoded) == 1:
        key = list(encoded)[0]
        if key.startswith('$'):
            return {'$dict': [[key, encoded[key]]]}
    return encoded


def tagged_hook(make_date, runtime_tags=False):
    """A json object_hook: {"$date": ms} becomes the engine's java.util.Date, {"$ref": n} the kept object and
    {"$dict": [[key, value]]} the dict it carries. With runtime_tags (a handler's arguments), the runtime's own tags
    ({"$session": id}...) become the objects scripts receive, through the runtime's decoder."""
    def tagged(obj):
        if len(obj) == 1:
            key = list(obj)[0]
            if key == '$dict':
                return dict((k, v) for k, v in obj[key])
            if key == '$date':
                return make_date(obj[key])
            if key == '$ref':
                return deref(obj[key])
            if runtime_tags and key.startswith('$'):
                return decode_arg(obj)
        return obj
    return tagged


def set_arg_decoder(name):
    del _arg_decoder[:]
    if name:
        _arg_decoder.append(name)


_arrival = []


def set_arrival(convert):
    """What an engine does last to every invoke argument, after its tags are decoded (the Pyodide engine makes strings unicode, dicts Jython's)."""
    del _arrival[:]
    _arrival.append(convert)


def decode_arg(value):
    """One of the runtime's tags in an invoke's arguments as scripts receive it, through the runtime's decoder."""
    if not _arg_decoder:
        return value
    target = _arg_decoder[0]
    if not callable(target):
        module_name, _, function_name = target.rpartition('.')
        target = getattr(__import__(str(module_name), fromlist=[str(function_name)]), function_name)
        _arg_decoder[0] = target
    return target(value)


def install_host_module(call, location):
    """periscope_host, the module the runtime's Python modules reach the runtime through."""
    module = types.ModuleType('periscope_host')
    module.call = call
    module.location = location
    module.ref = ref
    module.deref = deref
    sys.modules['periscope_host'] = module


# ---- frames -------------------------------------------------------------------------------------------------------

def innermost_user_frame(frame):
    while frame is not None and frame.f_code.co_filename not in user_files:
        frame = frame.f_back
    return frame


# ---- output -------------------------------------------------------------------------------------------------------

class Output(object):
    """sys.stdout / sys.stderr: line-buffered; each line goes to the runtime in order with the script's host calls."""

    def __init__(self, stream, emit, text=None):
        self._stream = stream
        self._emit = emit
        self._text = text
        self._pending = []
        self.softspace = 0

    def write(self, text):
        self._pending.append(self._text(text) if self._text else text)
        if '\n' in self._pending[-1]:
            self.flush()
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        if self._pending:
            text = ''.join(self._pending)
            self._pending = []
            self._emit(self._stream, text)

    def isatty(self):
        return False


# ---- namespaces and invoke targets ---------------------------------------------------------------------------------

def namespace(name, module_name, builtins=None):
    """The globals of a namespace, made on first use; a library script's is a module importable by its dotted name."""
    found = namespaces.get(name)
    if found is not None:
        return found
    if module_name:
        # A project library script: importable by its dotted name, shared by every script, as on a gateway.
        module_name = str(module_name)
        module = types.ModuleType(module_name)
        sys.modules[module_name] = module
        # Every folder above it is a package, with or without a script of its own (a.b.c needs a and a.b).
        child = module
        parent_name, _, leaf = module_name.rpartition('.')
        while parent_name:
            parent = sys.modules.get(parent_name) or types.ModuleType(parent_name)
            parent.__path__ = getattr(parent, '__path__', [])
            sys.modules[parent_name] = parent
            setattr(parent, leaf, child)
            child = parent
            parent_name, _, leaf = parent_name.rpartition('.')
        found = module.__dict__
    else:
        # Not part of any package: Jython would otherwise read the dots of a name such as 'view:x.json#events.a'
        # as packages and warn about each import the script makes.
        found = {'__name__': name, '__package__': ''}
    if builtins is not None:
        found['__builtins__'] = builtins
    namespaces[name] = found
    return found


def call_target(request):
    """Calls what an invoke request names (a namespace's function or a kept object) with its arguments, decoded
    with runtime_tags as the request was read."""
    target = request['target']
    if 'ref' in target:
        function = deref(target['ref'])
    else:
        found = namespaces.get(target['namespace'])
        if found is None or target['name'] not in found:
            raise NameError("name '%s' is not defined in %s" % (target['name'], target['namespace']))
        function = found[target['name']]
    arrive = _arrival[0] if _arrival else (lambda value: value)
    kwargs = dict((str(k), arrive(v)) for k, v in (request.get('kwargs') or {}).items())
    return function(*[arrive(a) for a in request['args']], **kwargs)
`;
