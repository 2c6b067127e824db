# Character tests on str and unicode.
print "123".isdigit(), u"123".isdigit(), u"\u0663".isdigit(), "abc".isalpha(), u"\xe9".isalpha(), "\xe9".isalpha()
print u"12".isnumeric(), u"1.5".isdecimal(), "  ".isspace()
