"""Quick precision check of candidate regexes (Python re, case-insensitive unless --cs) against
PTC spans of one label, on the tune split and the held-out third side by side.
  python3 rx.py LABEL 'regex' ['regex'...] [--cs] [-v]
LABEL is a PTC label or a category id (loaded-language, name-calling, ...)."""
import sys, os, re, collections
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptc, proto
args = [a for a in sys.argv[1:] if not a.startswith("--") and a != "-v"]
lab = args[0]
labs = proto.PTC_MAP.get(lab, [lab])
fl = 0 if "--cs" in sys.argv else re.I
arts, spans, si = ptc.load()
tune, held = ptc.split(arts)
for pat in args[1:]:
    rx = re.compile(pat, fl)
    res = {}
    terms = collections.defaultdict(lambda: [0, 0])
    for name, ids in (("tune", tune), ("held", held)):
        n = h = an = 0
        for a in ids:
            t = arts[a]
            for m in rx.finditer(t):
                s, e = m.span()
                if s == e: continue
                n += 1
                hit = any(l in labs and gs < e and s < ge for l, gs, ge in spans[a])
                h += hit; an += any(gs < e and s < ge for l, gs, ge in spans[a])
                if name == "tune":
                    k = m.group().lower(); terms[k][0] += 1; terms[k][1] += hit
        res[name] = (n, h, an)
    line = "  ".join(f"{k} n={n:4} P={h/max(n,1):.2f} any={an/max(n,1):.2f}" for k, (n, h, an) in res.items())
    print(f"{line}   {pat}")
    if "-v" in sys.argv:
        for k, (n, h) in sorted(terms.items(), key=lambda x: -x[1][0])[:40]:
            print(f"      {n:3} {h/n:.2f} {k}")
