# Tuple parameters in def and lambda.
def span((start, end)):
    return end - start
print span((3, 10))
f = lambda (a, b): a * b
print f((4, 5))
