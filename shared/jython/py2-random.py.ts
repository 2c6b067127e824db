// Python source of `_periscope_py2_random`: the random module as Jython has it, so that a seeded sequence is the
// same as on a gateway. Jython's generator is java.util.Random (a 48-bit linear congruential generator) under
// CPython 2's random.py, which draws integers as int(random() * n): both are reproduced here.
export const py2RandomSource = String.raw`
import math as _math
import random as _random
import types as _types

from _periscope_py2_order import java_hash as _java_hash

_MULT = 0x5DEECE66D
_MASK = (1 << 48) - 1
_LONG_MAX = 0x7fffffffffffffff


class Random(_random.Random):
    """random.Random of Jython: java.util.Random's sequence, Python 2's ways of drawing from it."""

    def seed(self, a=None, version=2):
        if a is None:
            import periscope_host
            a = int(periscope_host.call('date.nowMillis'))
        if isinstance(a, int) and not isinstance(a, bool):
            # PyRandom.seed: a long is taken modulo Long.MAX_VALUE, anything else by its hash code.
            n = a if -2 ** 31 <= a < 2 ** 31 else a % _LONG_MAX
        else:
            n = _java_hash(a)
        self._java_seed = (n ^ _MULT) & _MASK
        self.gauss_next = None

    def _next(self, bits):
        self._java_seed = (self._java_seed * _MULT + 0xB) & _MASK
        return self._java_seed >> (48 - bits)

    def random(self):
        a = self._next(32) >> 5
        b = self._next(32) >> 6
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)

    def getrandbits(self, k):
        # new BigInteger(k, random): nextBytes, then the excess high bits cleared.
        count = (k + 7) // 8
        data = bytearray(count)
        i = 0
        while i < count:
            word = self._next(32)
            for _ in range(min(count - i, 4)):
                data[i] = word & 0xff
                word >>= 8
                i += 1
        if count:
            data[0] &= (1 << (8 - (8 * count - k))) - 1
        return int.from_bytes(bytes(data), 'big')

    def _randbelow(self, n):
        if n <= 2 ** 53:
            return int(self.random() * n)
        k = int(1.00001 + _math.log(n - 1, 2.0))
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r

    def getstate(self):
        return (self._java_seed, self.gauss_next)

    def setstate(self, state):
        self._java_seed, self.gauss_next = state


class _Lazy(Random):
    """The module's own generator: seeded from the runtime's clock when first used, unless a script seeds it."""

    def __init__(self):
        self._java_seed = None
        self.gauss_next = None

    def _next(self, bits):
        if self._java_seed is None:
            self.seed()
        return Random._next(self, bits)


_instance = _Lazy()
module = _types.ModuleType('random')
module.__dict__.update((name, getattr(_random, name)) for name in dir(_random) if not name.startswith('_'))
module.Random = Random
for _name in ('seed', 'random', 'uniform', 'triangular', 'randint', 'choice', 'randrange', 'sample', 'shuffle',
              'normalvariate', 'lognormvariate', 'expovariate', 'vonmisesvariate', 'gammavariate', 'gauss',
              'betavariate', 'paretovariate', 'weibullvariate', 'getstate', 'setstate', 'getrandbits'):
    setattr(module, _name, getattr(_instance, _name))
`;
