#!/usr/bin/python3
"""The composite-indicator sample recomputed independently: plain Python with
the formulas of docs/composite.md (COINr's Treat, n_minmax, n_goalposts,
percentile rank with ties.method = "min", weighted means), from the sample
CSV and the bundled population/area table, compared with siap's JSON for
every unit (exact value to 1e-9, published value rounded half up), and the
treatment events it lists.

usage: check_composite.py SIAP_BINARY SOURCE_DIR"""
import csv, json, math, statistics, subprocess, sys, tempfile
from decimal import Decimal, ROUND_HALF_UP
from pathlib import Path

siap, root = sys.argv[1], Path(sys.argv[2])
out = Path(tempfile.mkdtemp(prefix="siap-composite-"))
subprocess.run([siap, "assess", "-f", str(root / "samples/frameworks/indikator-digital.yaml"),
                str(root / "samples/indikator-digital-jabar.csv"), "--format", "json", "--lang", "en", "-o", str(out)],
               check=True, capture_output=True)
rows = list(csv.DictReader(open(root / 'samples/indikator-digital-jabar.csv', encoding='utf-8')))
pa = {r['code']: r for r in csv.DictReader(open(root / 'data/regions/population-area.csv', encoding='utf-8'))}
def col(name): return [float(r[name]) if r[name] else None for r in rows]
def skew(x):
    n=len(x); m=sum(x)/n; d=[v-m for v in x]; m2=sum(v*v for v in d); m3=sum(v**3 for v in d)
    return math.sqrt(n)*m3/m2**1.5*math.sqrt(n*(n-1))/(n-2)
def kurt(x):
    n=len(x); m=sum(x)/n; d=[v-m for v in x]; m2=sum(v*v for v in d); m4=sum(v**4 for v in d)
    r=n*m4/m2**2; return ((n+1)*(r-3)+6)*(n-1)/((n-2)*(n-3))
def passes(x): return abs(skew(x))<2 or kurt(x)<3.5
def winsor(x, winmax=5):
    x=list(x)
    if passes(x): return x
    orig=list(x); n=0; hi=[]; lo=[]
    while not passes(x) and n<winmax:
        if skew(x)>=0:
            mx=max(x); hi=[i for i,v in enumerate(x) if v==mx]; nxt=max(v for v in x if v!=mx)
            for i in hi: x[i]=nxt
        else:
            mn=min(x); lo=[i for i,v in enumerate(x) if v==mn]; nxt=min(v for v in x if v!=mn)
            for i in lo: x[i]=nxt
        n=len(hi)+len(lo)
    if passes(x): return x
    mn,mx=min(orig),max(orig); return [math.log(v-mn+0.01*(mx-mn)) for v in orig]
def minmax(x, lower=False, lo=1, hi=100):
    a,b=min(x),max(x); return [lo+((b-v) if lower else (v-a))/(b-a)*(hi-lo) for v in x]
types=['kota' if r['wilayah'].startswith('Kota') else 'kab' for r in rows]
# bts per 100 km2
bts=[v/float(pa[r['kode']]['area_km2'])*100 for v,r in zip(col('bts_4g'),rows)]
bts=minmax(winsor(bts))
cak=[1+min(1,max(0,(v-50)/50))*99 for v in winsor(col('cakupan_4g'))]
lay=minmax(winsor(col('layanan_digital')))
hari=col('hari_izin')
for i,v in enumerate(hari):
    if v is None: hari[i]=statistics.mean([w for w,t in zip(hari,types) if w is not None and t==types[i]])
hari=minmax(winsor(hari), lower=True)
bel=[v/float(pa[r['kode']]['population_total'])*1000 if v is not None else None for v,r in zip(col('belanja_tik'),rows)]
med=statistics.median([v for v in bel if v is not None]); bel=[med if v is None else v for v in bel]
bel=minmax(winsor(bel))
ipm=winsor(col('ipm')); n=len(ipm)
rk=[1+sum(1 for w in ipm if w<v) for v in ipm]; ipm=[1+(r-1)/(n-1)*99 for r in rk]
infra=[(a+b)/2 for a,b in zip(bts,cak)]
layan=[math.sqrt(a*b) for a,b in zip(lay,hari)]
sdm=[(a+b)/2 for a,b in zip(bel,ipm)]
idx=[(a*b*c)**(1/3) for a,b,c in zip(infra,layan,sdm)]
d=json.load(open(out / 'assessment.json', encoding='utf-8'))
codes=[r['kode'] for r in rows]
worst=0
for u in d['units']:
    want=idx[codes.index(u['code'])]
    got=float(u['index']['exact'])
    worst=max(worst,abs(got-want))
    assert abs(got-want) < 1e-9, (u['name'], got, want)
    rounded=Decimal(repr(want)).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)
    if abs(abs(Decimal(repr(want))*100 % 1) - Decimal('0.5')) > Decimal('1e-6'):
        assert Decimal(str(u['index']['published'])) == rounded, (u['name'], u['index']['published'], rounded)
assert len(d['units']) == 27
events={(e['kind'], e['indicator'], e['unit']) for e in d['treatment']['events']}
assert events == {('winsorised','layanan_digital','Kota Bandung'), ('imputed','hari_izin','Kabupaten Pangandaran'),
                  ('imputed','belanja_tik','Kabupaten Garut')}, events
pangandaran=[e for e in d['treatment']['events'] if e['unit']=='Kabupaten Pangandaran'][0]
kab_days=[float(r['hari_izin']) for r in rows if r['wilayah'].startswith('Kabupaten') and r['hari_izin']]
assert abs(pangandaran['after'] - sum(kab_days)/len(kab_days)) < 1e-9
directions={i['id']: i['direction'] for i in d['treatment']['indicators']}
assert directions['hari_izin'] == 'lower' and directions['ipm'] == 'higher'
# COINr's own functions on the same data (tests/fixtures/composite/coinr_check.R,
# COINr 1.1.14): every indicator after treatment, every dimension and the index.
coinr = {r['code']: r for r in csv.DictReader(open(root / 'tests/fixtures/composite/coinr-sample.csv', encoding='utf-8'))}
coinr_worst = 0
for u in d['units']:
    theirs = coinr[u['code']]
    for node, value in theirs.items():
        if node == 'code':
            continue
        ours = float(u['index']['exact']) if node == 'index' else float(u['nodes'][node]['exact'])
        coinr_worst = max(coinr_worst, abs(ours - float(value)))
        assert abs(ours - float(value)) < 1e-9, (u['name'], node, ours, value)
# The assessment workbook has the treatment sheet, with each indicator's direction.
subprocess.run([siap, "assess", "-f", str(root / "samples/frameworks/indikator-digital.yaml"), str(root / "samples/indikator-digital-jabar.csv"),
                "--format", "xlsx", "--lang", "en", "-o", str(out / "a")], check=True, capture_output=True)
import openpyxl
report = openpyxl.load_workbook(out / "a" / "assessment.xlsx")
assert "Treatment" in report.sheetnames, report.sheetnames
cells = [r for r in report["Treatment"].iter_rows(values_only=True)]
directions = {str(r[0]).split(" ")[0]: r[1] for r in cells if r[0] and r[1]}
assert directions["hari_izin"] == "lower is better (reversed)" and directions["ipm"] == "higher is better", directions
assert any(r[0] and "Kota Bandung, layanan_digital: winsorised 240.0000 → 63.0000" in str(r[0]) for r in cells), cells

# The uncertainty analysis of the sample: its workbook, read with openpyxl,
# holds the JSON's numbers (rounded to one decimal as shown) and two charts.
import openpyxl
spec = root / 'samples/ketidakpastian-indikator-digital.yaml'
base = [siap, 'uncertainty', str(root / 'samples/indikator-digital-jabar.csv'), '-f', str(root / 'samples/frameworks/indikator-digital.yaml'),
        '--spec', str(spec), '--lang', 'en']
ua = json.loads(subprocess.run(base + ['--format', 'json'], check=True, capture_output=True, text=True).stdout)
subprocess.run(base + ['--format', 'xlsx', '-o', str(out / 'u.xlsx')], check=True, capture_output=True)
book = openpyxl.load_workbook(out / 'u.xlsx')
assert book.sheetnames == ['Ranks', 'Sensitivity'], book.sheetnames
rows = list(book['Ranks'].iter_rows(values_only=True))
start = next(i for i, r in enumerate(rows) if r[0] == 'Code') + 1
by_code = {r[0]: r for r in rows[start:] if r[0]}
assert len(by_code) == 27
for u in ua['units']:
    r = by_code[u['code']]
    assert (r[2], r[3], r[4], r[5], r[7]) == (u['nominal'], u['p05'], u['median'], u['p95'], u['ranked']), (r, u)
    assert abs(r[6] - u['mean']) < 1e-9
sens = list(book['Sensitivity'].iter_rows(values_only=True))
assert [r[0] for r in sens[1:7]] == ['weights', 'aggregation method', 'normalisation', 'imputation of missing data', 'outlier treatment',
                                     'indicator left out'], sens
for r, s in zip(sens[1:7], ua['sensitivity']):
    assert abs(r[1] - s['first_order']) < 1e-9 and abs(r[4] - s['total']) < 1e-9
assert len(book['Ranks']._charts) == 1 and len(book['Sensitivity']._charts) == 1
print("uncertainty workbook: 27 units and 6 indices equal the JSON, two charts")
print(f"composite sample: every indicator, dimension and index equals COINr's functions (max difference {coinr_worst:.1e})")
print(f"composite sample: 27 units agree with the independent computation (max difference {worst:.1e}); 3 treatment events as expected")
