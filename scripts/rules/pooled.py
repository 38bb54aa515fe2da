"""Per-term precision of the engine's findings, tune and held-out pooled (all of PTC train), lowest first.
Reads the --terms output of findings.py for both parts:
  python3 findings.py NEWSLINT --terms > DIR/terms--tune.txt; python3 findings.py NEWSLINT --held --terms > DIR/terms--held.txt
  python3 pooled.py RULE_PREFIX MAX_P MIN_N DIR"""
import re,sys
pref=sys.argv[1]; maxp=float(sys.argv[2]); minn=int(sys.argv[3]); d=sys.argv[4]
res={}
for part in ("--tune","--held"):
    rule=None
    for line in open(f"{d}/terms{part}.txt"):
        if not line.startswith(" "):
            rule=line.split()[0] if line.split() else None; continue
        m=re.match(r"\s+(\d+)\s+([\d.]+) any=([\d.]+)\s\s(.*)", line)
        if not m: continue
        n,p,a,t=int(m[1]),float(m[2]),float(m[3]),m[4]
        res.setdefault((rule,t),{})[part]=(n,round(p*n))
rows=[]
for (rule,t),dd in res.items():
    if not rule.startswith(pref): continue
    tn,th=dd.get("--tune",(0,0)); hn,hh=dd.get("--held",(0,0))
    if tn+hn>=minn and (th+hh)/(tn+hn)<=maxp:
        rows.append(((th+hh)/(tn+hn),rule,t,th,tn,hh,hn))
for p,rule,t,th,tn,hh,hn in sorted(rows):
    print(f"{p:.2f} {rule:30} tune {th:3}/{tn:<3} held {hh:3}/{hn:<3} {t}")
