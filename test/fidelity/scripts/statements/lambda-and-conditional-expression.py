# Lambdas and x if c else y.
grade = lambda v: "high" if v > 80 else "low" if v < 20 else "mid"
print [grade(v) for v in (90, 50, 10)]
