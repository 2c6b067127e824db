# heapq and bisect rely on ordering.
import heapq, bisect
h = [5, 1, 8, 3]
heapq.heapify(h)
print heapq.heappop(h), heapq.nsmallest(2, [7, 3, 9]), heapq.nlargest(2, [7, 3, 9])
s = [1, 3, 5, 7]
bisect.insort(s, 4)
print s, bisect.bisect(s, 5)
