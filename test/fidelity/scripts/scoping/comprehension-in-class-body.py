# In a class body the variable becomes a class attribute.
class Config(object):
    keys = [k.upper() for k in ["a", "b"]]
print Config.keys, Config.k
