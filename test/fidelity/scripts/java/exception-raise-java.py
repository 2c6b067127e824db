# Raising a Java IllegalArgumentException from a script: uncaught, it ends the script.
from java.lang import IllegalArgumentException
def check(speed):
    if speed < 0:
        raise IllegalArgumentException("speed must be positive: %d" % speed)
    return speed
print check(3)
check(-1)
