// Python 2.7 helpers that lenient mode's lowering (`jython/lower.ts`) calls for Python-3-only forms Jython has no
// syntax for: starred assignment, unpacking inside literals, a class's metaclass keyword, the @ operator. Each does
// what Python 3 does, with Python 3's errors; lowered code reaches them as `__import__('_periscope_lenient')`.
export const lenientHelpersSource = String.raw`
def starred(value, before, after):
    """a, *b, c = value: the items before and after, and a list of those between."""
    items = list(value)
    if len(items) < before + after:
        raise ValueError('not enough values to unpack (expected at least %d, got %d)' % (before + after, len(items)))
    end = len(items) - after
    return tuple(items[:before]) + (items[before:end],) + tuple(items[end:])


def starred_each(rows, before, after):
    """for a, *b in rows: each row unpacked as starred() does."""
    for row in rows:
        yield starred(row, before, after)


def _joined(parts):
    for part in parts:
        for item in part:
            yield item


def list_of(*parts):
    """[a, *b]: each part is an iterable, a plain item comes as a 1-tuple."""
    return list(_joined(parts))


def tuple_of(*parts):
    return tuple(_joined(parts))


def set_of(*parts):
    return set(_joined(parts))


def dict_of(*parts):
    """{**a, 'k': v}: later keys win, as in Python 3."""
    result = {}
    for part in parts:
        if not hasattr(part, 'keys'):
            raise TypeError("'%s' object is not a mapping" % type(part).__name__)
        for key in part.keys():
            result[key] = part[key]
    return result


def bases(*classes, **keywords):
    """class A(B, metaclass=M): a temporary base whose metaclass makes the class with M from the real bases."""
    meta = keywords.pop('metaclass', type)
    if keywords:
        raise TypeError('%s() takes no class keyword %s on Jython' % (meta.__name__, ', '.join(sorted(keywords))))

    class metaclass(meta):
        def __new__(cls, name, this_bases, namespace):
            return meta(name, classes, namespace)
    return type.__new__(metaclass, 'temporary_class', (), {})


def matmul(left, right):
    """left @ right: __matmul__, then the right operand's __rmatmul__, as Python 3 tries them."""
    for target, method, other in ((left, '__matmul__', right), (right, '__rmatmul__', left)):
        found = getattr(type(target), method, None)
        if found is not None:
            result = found(target, other)
            if result is not NotImplemented:
                return result
    raise TypeError("unsupported operand type(s) for @: '%s' and '%s'" % (type(left).__name__, type(right).__name__))
`;
