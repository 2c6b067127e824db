# Different sequence types order by type name.
print [1] < (1,), (1,) > "a", "a" < [1] if False else "b", [] < "", "" < (), cmp([], ())
