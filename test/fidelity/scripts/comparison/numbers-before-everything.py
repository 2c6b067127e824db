# Numbers sort before other types; None sorts first.
print sorted([{}, [], "", (), 0, None, 1.5, True])
