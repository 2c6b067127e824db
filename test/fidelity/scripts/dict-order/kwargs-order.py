# A function's **kwargs dict.
def show(**kwargs):
    print kwargs
    print kwargs.keys()
show(zoom=1, theme="dark", language="en", layout="grid")
