# The string module's constants are byte strings.
import string
print repr(string.digits), repr(string.ascii_lowercase[:5]), repr(string.punctuation[:5]), len(string.letters)
print string.uppercase[:3], string.capwords("tank level low")
