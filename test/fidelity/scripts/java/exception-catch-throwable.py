# except java.lang.Throwable catches Java exceptions; the message comes from getMessage.
import java.lang
from java.util import ArrayList
try:
    ArrayList().get(0)
except java.lang.Throwable, t:
    print "caught", type(t).__name__
    print t.getMessage()
