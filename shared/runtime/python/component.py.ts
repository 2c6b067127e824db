// Python source of `periscope_components`: the view and component objects view scripts receive as `self`.
//
// Like the session wrappers, these hold only an address; props, custom, params and meta are the same
// property-tree wrappers, so every read and write goes to the runtime and every change is traced there.
export const componentModule = String.raw`
import periscope_host
from periscope_perspective import ObjectWrapper, Session, Page
from periscope_system import QualifiedValue

_call = periscope_host.call
_methods = {}

COMPONENT_WRAPPER = 'com.inductiveautomation.perspective.gateway.script.ComponentModelScriptWrapper$SafetyWrapper'
VIEW_WRAPPER = 'com.inductiveautomation.perspective.gateway.script.ViewModelScriptWrapper$SafetyWrapper'
_GOOD = {'name': 'Good', 'good': True, 'code': 192}


def register_method(number, function):
    """Run by each custom method's own namespace when it loads: the function the method name resolves to."""
    _methods[number] = function


def _method(owner, name, wrapper):
    number = _call('component.method', owner._view, owner._path, name)
    function = _methods.get(number) if number is not None else None
    if function is None:
        raise AttributeError("'%s' object has no attribute '%s'" % (wrapper, name))

    def method(*args, **kwargs):
        return function(owner, *args, **kwargs)
    method.__name__ = name
    return method


class _Model(object):
    """What views and components share: an address, read-only attributes, the session and the page."""

    def __init__(self, view, path):
        object.__setattr__(self, '_view', view)
        object.__setattr__(self, '_path', path)
        object.__setattr__(self, 'session', Session(view[0]))
        object.__setattr__(self, 'page', Page(view[0], view[1]))

    def _tree(self, name):
        view = self._view
        if self._path == '':
            return ObjectWrapper(['view', view[0], view[1], view[2], name], [])
        return ObjectWrapper(['component', view[0], view[1], view[2], self._path, name], [])

    def _component(self, path):
        return None if path is None else Component(self._view, path)

    def getChild(self, path):
        return self._component(_call('component.find', self._view, self._path, 'child', path))

    def getChildren(self):
        return [Component(self._view, p) for p in _call('component.children', self._view, self._path)]

    def __setattr__(self, name, value):
        raise AttributeError("'%s' object attribute '%s' is read-only; write self.props.%s or self.custom.%s" % (self._wrapper, name, name, name))

    def __getattr__(self, name):
        if name.startswith('__') and name.endswith('__'):
            raise AttributeError(name)
        return _method(self, name, self._wrapper)

    def __eq__(self, other):
        return type(other) is type(self) and other._view[:3] == self._view[:3] and other._path == self._path

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((tuple(self._view[:3]), self._path))


class View(_Model):
    """A view instance: params, custom, props, rootContainer, getChild('root/...'), session and page."""
    _wrapper = VIEW_WRAPPER

    def __init__(self, view):
        _Model.__init__(self, view, '')
        for tree in ('params', 'custom', 'props'):
            object.__setattr__(self, tree, self._tree(tree))
        object.__setattr__(self, 'id', view[2])
        object.__setattr__(self, 'resourcePath', view[3])

    @property
    def rootContainer(self):
        return self.getChildren()[0]

    def __periscope_encode__(self):
        return {'$view': list(self._view)}

    def __repr__(self):
        return '<View %s (%s)>' % (self._view[3], self._view[2])


class Component(_Model):
    """A component: props, custom, meta, view, parent, getSibling, getChild, getChildren and its custom methods."""
    _wrapper = COMPONENT_WRAPPER

    def __init__(self, view, path):
        _Model.__init__(self, view, path)
        for tree in ('props', 'custom', 'meta'):
            object.__setattr__(self, tree, self._tree(tree))
        object.__setattr__(self, 'view', View(view))
        object.__setattr__(self, 'name', path.rsplit('/', 1)[-1])

    @property
    def parent(self):
        return self._component(_call('component.find', self._view, self._path, 'parent', None))

    def getSibling(self, name):
        return self._component(_call('component.find', self._view, self._path, 'sibling', name))

    def __periscope_encode__(self):
        return {'$component': list(self._view) + [self._path]}

    def __repr__(self):
        return '<Component %s/%s>' % (self._view[3], self._path)


def decode(value):
    """The runtime's view, component and qualified-value arguments as the objects scripts receive."""
    if '$component' in value:
        address = value['$component']
        return Component(address[:4], address[4])
    if '$view' in value:
        return View(value['$view'])
    found = value['$qualified']
    return QualifiedValue({'value': found['value'], 'quality': _GOOD, 'timestamp': found['timestamp']})
`;
