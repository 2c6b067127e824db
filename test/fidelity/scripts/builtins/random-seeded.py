# A seeded random sequence is Jython's: java.util.Random under Python 2's random.py.
import random
random.seed(42)
print repr(random.random()), random.randint(1, 100), random.choice("abcdefgh"), random.randrange(0, 1000, 5)
items = range(10)
random.shuffle(items)
print items, random.sample(range(100), 5), repr(random.uniform(1, 2))
r = random.Random(7)
print r.randint(0, 10 ** 6), r.getrandbits(40), r.choice(["pump", "valve", "tank"])
random.seed("line-1")
print [random.randint(0, 9) for _ in range(8)]
