# sys attributes Python 2 scripts read.
import sys
print sys.maxint, type(sys.maxsize).__name__, sys.version_info[0], sys.version_info[:2]
print sys.platform.startswith("java"), hasattr(sys, "exc_clear")
