# Bound methods and their attributes.
class Motor:
    def run(self, speed):
        return speed
m = Motor()
bound = m.run
print bound(5), bound.im_self is m, bound.im_func.__name__, Motor.run.im_class.__name__
