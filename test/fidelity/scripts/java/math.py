# java.lang.Math: rounding, limits and powers as scripts use for scaling values.
from java.lang import Math
print Math.max(3, 7), Math.min(2.5, 1), Math.abs(-4), Math.pow(2, 10), Math.sqrt(16)
print Math.round(2.5), Math.round(-2.5), Math.round(2.4), Math.floor(2.7), Math.ceil(2.1)
print Math.PI, Math.E
