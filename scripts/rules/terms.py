"""Per-phrase precision of every phrase in a rule file against PTC spans on the tune split.
  python3 terms.py rules/loaded-language.toml [--held] [--min N] [--below P]"""
import sys, re, collections, tomllib, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptc, proto
args = sys.argv[1:]
f = args[0]
minn = int(args[args.index("--min") + 1]) if "--min" in args else 1
below = float(args[args.index("--below") + 1]) if "--below" in args else 1.01
arts, spans, si = ptc.load()
tune, held = ptc.split(arts)
ids = held if "--held" in args else tune
data = tomllib.load(open(f, "rb"))
masks = {}
for a in ids:
    t = arts[a]
    ms = collections.defaultdict(lambda: bytearray(len(t)))
    anym = bytearray(len(t))
    for lab, s, e in spans[a]:
        m = ms[lab]
        for i in range(s, e): m[i] = 1; anym[i] = 1
    masks[a] = (ms, anym)
for r in data["rule"]:
    labs = proto.PTC_MAP.get(r["category"])
    if not labs: continue
    items = [("P", p, re.compile(proto.phrase_regex(p), re.I)) for p in r.get("phrases", [])]
    fl = 0 if r.get("case-sensitive") else re.I
    items += [("R", p, re.compile(p, fl)) for p in r.get("patterns", [])]
    tn = th = 0
    rows = []
    for kind, p, rx in items:
        n = h = an = 0
        for a in ids:
            t = arts[a]; ms, anym = masks[a]
            for m in rx.finditer(t):
                s, e = m.span(); n += 1
                if any(any(ms[l][s:e]) for l in labs if l in ms): h += 1
                if any(anym[s:e]): an += 1
        tn += n; th += h
        rows.append((p, n, h, an))
    print(f"## {r['id']}  total {tn} P={th/max(tn,1):.2f}")
    for p, n, h, an in rows:
        if n >= minn and (h / n if n else 0) < below:
            print(f"   {n:4} {h/n if n else 0:5.2f} any={an/n if n else 0:4.2f}  {p}")
