# A hot scalar loop: s = s + (i % 7) * 0.5 for i in 1..10,000,000. Prints 14999998.5.
s = 0
for i in range(1, 10_000_001):
    s = s + (i % 7) * 0.5
print(s)
