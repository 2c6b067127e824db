# __hex__ and __oct__ serve hex() and oct().
class Reg(object):
    def __hex__(self):
        return "0xREG"
    def __oct__(self):
        return "0REG"
print hex(Reg()), oct(Reg())
