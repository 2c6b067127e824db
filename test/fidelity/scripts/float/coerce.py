# coerce() makes two numbers the same type.
print coerce(1, 2.5), coerce(3, 4), coerce(1.5, 2)
print coerce(2, 3L)
