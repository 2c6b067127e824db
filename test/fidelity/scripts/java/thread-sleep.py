# Thread.sleep pauses; scripts call it to wait for a device.
from java.lang import Thread
Thread.sleep(5)
print "slept", Thread.currentThread() is not None
