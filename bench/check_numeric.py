#!/usr/bin/python3
"""Independent check of the numeric benchmark: every region's scores recomputed
with exact fractions (clamped goalposts per respondent, equal weights) and
compared with siap's JSON.  check_numeric.py numeric.csv siap.json"""
import csv, json, sys
from fractions import Fraction as F
from collections import defaultdict
rows = csv.reader(open(sys.argv[1]))
hdr = next(rows)
sums = defaultdict(lambda: [F(0)]*20); cnt = defaultdict(lambda: [0]*20)
def score(x, lo, hi, higher):
    t = (x-lo)/(hi-lo) if higher else (hi-x)/(hi-lo)
    t = min(max(t, F(0)), F(1))
    return 100*t
for r in rows:
    u = r[1]
    for i in range(20):
        v = r[2+i]
        if v == '': continue
        x = F(v)
        s = score(x, F(0), F(12), True) if i < 10 else score(x, F(50000), F(500000), False)
        sums[u][i] += s; cnt[u][i] += 1
js = json.load(open(sys.argv[2]))
bad = 0; n = 0
for unit in js['units']:
    code = unit['code']
    items = [sums[code][i]/cnt[code][i] for i in range(20)]
    akses = sum(items[:10])/10; biaya = sum(items[10:])/10; root = (akses+biaya)/2
    for name, val in [('n01', items[0]), ('n15', items[14]), ('akses', akses), ('biaya_akses', biaya)]:
        got = unit['nodes'][name]['exact']
        n += 1
        if abs(F(got) - val) > F(1, 10**12): bad += 1; print(code, name, got, float(val))
    g = unit['index']['exact']; n += 1
    if abs(F(g) - root) > F(1, 10**12): bad += 1; print(code, 'root', g, float(root))
    pub = unit['index']['published']
    exp = (root*100 + F(1,2)).__floor__() / F(100)
    if F(str(pub)) != exp: bad += 1; print('published', code, pub, float(exp))
print(f"{n} values compared, {bad} differ")
