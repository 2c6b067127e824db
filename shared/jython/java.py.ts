// Python source of `_periscope_java`: the `java` package (java.lang, java.util, java.text, java.io) and `jarray`
// as Jython scripts import them, and what the engine needs to know of Java values (dates, exception classes).
export const javaSource = String.raw`
import sys as _sys
import types as _types

import _periscope_py2_types as _t
import _periscope_java_lang as _lang
import _periscope_java_util as _util
import _periscope_java_text as _text
from _periscope_java_lang import Throwable, JavaClass, exception_class, java_string
from _periscope_java_util import Date

# java.lang.Exception, for classes made by name (a host call's java.net.ConnectException).
JavaException = _lang.Exception
IOException = exception_class('java.io.IOException', _lang.Exception)
FileNotFoundException = exception_class('java.io.FileNotFoundException', IOException)

_EXCEPTIONS = _lang.EXCEPTIONS + _util.EXCEPTIONS + _text.EXCEPTIONS + [IOException, FileNotFoundException]

_TYPECODES = {'z': 'boolean', 'c': 'char', 'b': 'byte', 'h': 'short', 'i': 'int', 'l': 'long', 'f': 'float', 'd': 'double'}


class array(object):
    """A Java array made by jarray: fixed length, printed as Jython prints it."""

    def __init__(self, items, typecode):
        self._code = typecode
        convert = {'l': _t.as_long, 'd': float, 'f': float}.get(typecode, lambda v: v)
        self._items = [convert(v) for v in items] if isinstance(typecode, str) else [_lang.to_java(v) for v in items]

    def __len__(self):
        return len(self._items)

    def __getitem__(self, index):
        return self._items[index]

    def __setitem__(self, index, value):
        self._items[index] = value

    def __iter__(self):
        return iter(list(self._items))

    def __repr__(self):
        code = repr(self._code) if isinstance(self._code, str) else self._code._java_name
        return 'array(%s, %s)' % (code, _t.py2_repr(self._items))

    __str__ = __repr__


def _zeros(length, typecode):
    zero = {'z': False, 'd': 0.0, 'f': 0.0, 'c': '\0'}.get(typecode, 0) if isinstance(typecode, str) else None
    return array([zero] * length, typecode)


def _module(name, **names):
    module = _types.ModuleType(name)
    module.__dict__.update(names)
    _sys.modules[name] = module
    return module


def install():
    lang = _module('java.lang', **_lang.NAMES)
    util = _module('java.util', **_util.NAMES)
    text = _module('java.text', **_text.NAMES)
    io = _module('java.io', IOException=IOException, FileNotFoundException=FileNotFoundException)
    _module('java', lang=lang, util=util, text=text, io=io)
    _module('jarray', array=array, zeros=_zeros)


def exception_named(name):
    """The java exception class a host error names, by simple or qualified name."""
    for cls in _EXCEPTIONS:
        if name in (cls.__name__, cls._java_name):
            return cls
    return None
`;
