"""Morphological families: words in PTC train that share a stem with a single-word phrase of CATEGORY's rules
but are not listed themselves (outrage -> outrages), with tune / held-out counts, most frequent first.
  python3 families.py CATEGORY"""
import os
import sys, re, collections, tomllib, glob
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import ptc, proto
cat=sys.argv[1]; labs=proto.PTC_MAP[cat]
listed=set(); mine=set()
for f in glob.glob(os.path.join(HERE, "..", "..", "rules", "*.toml")):
    for r in tomllib.load(open(f,"rb")).get("rule",[]):
        for p in r.get("phrases",[]):
            listed.add(p.lower())
            if r["category"]==cat and " " not in p and not p.endswith("*"): mine.add(p.lower())
def stem(w):
    for suf in ("ingly","edly","fully","ously","ness","ities","ity","ment","ings","ing","ed","ers","er","es","s","ly","ful","ous","ic","al","y","e"):
        if w.endswith(suf) and len(w)-len(suf)>=4: return w[:-len(suf)]
    return w
stems=collections.defaultdict(set)
for w in mine: stems[stem(w)].add(w)
arts, spans, si = ptc.load(); tune, held = ptc.split(arts)
C=collections.defaultdict(lambda:[0,0,0,0])
for k,ids in ((0,tune),(2,held)):
    for a in ids:
        t=arts[a]; m=bytearray(len(t))
        for l,s,e in spans[a]:
            if l in labs:
                for i in range(s,e): m[i]=1
        for x in re.finditer(r"[A-Za-z][a-z-]+",t):
            w=x.group().lower()
            if w in listed or any(w.startswith(p[:-1]) for p in listed if p.endswith("*")): continue
            st=stem(w)
            if st in stems:
                C[w][k+1]+=1; C[w][k]+=any(m[x.start():x.end()])
rows=sorted(C.items(),key=lambda x:-(x[1][1]+x[1][3]))
for w,(th,tn,hh,hn) in rows:
    print(f"pooled {(th+hh)/(tn+hn):.2f} tune {th}/{tn} held {hh}/{hn}  {w}  <- {sorted(stems[stem(w)])[:3]}")
