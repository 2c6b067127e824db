# divmod and % with negative and float operands.
print divmod(7.5, 2), divmod(-7, 2), -7 % 3, 7 % -3, -7.5 % 2, 5.5 // 2
