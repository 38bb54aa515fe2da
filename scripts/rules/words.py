"""Precision of candidate words against one label's PTC spans, tune split and held-out third side by side,
plus both pooled; flags words some rule file already lists.
  python3 words.py LABEL word [word* ...]   (a trailing * = any word starting so; '-' reads words from stdin)
LABEL is a PTC label or a category id (loaded-language, name-calling, ...)."""
import sys, os, re, tomllib, glob
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import ptc, proto
lab=sys.argv[1]; labs=proto.PTC_MAP.get(lab,[lab])
words=sys.argv[2:]
if words==['-']: words=[w.strip() for w in sys.stdin if w.strip()]
listed=set()
for f in glob.glob(os.path.join(HERE, "..", "..", "rules", "*.toml")):
    for r in tomllib.load(open(f,"rb")).get("rule",[]):
        for p in r.get("phrases",[]): listed.add(p.lower())
arts, spans, si = ptc.load()
tune, held = ptc.split(arts)
tot=[0,0,0,0]
for w in words:
    pat = r"\b"+re.escape(w[:-1])+r"[\w-]*" if w.endswith("*") else r"\b"+re.escape(w)+r"\b"
    rx=re.compile(pat, re.I); out=[]
    cnt=[]
    for ids in (tune, held):
        n=h=0
        for a in ids:
            for m in rx.finditer(arts[a]):
                s,e=m.span(); n+=1
                h+=any(l in labs and gs<e and s<ge for l,gs,ge in spans[a])
        cnt+= [h,n]
    flag = "LISTED" if w.lower() in listed else ""
    th,tn,hh,hn=cnt
    allp=(th+hh)/max(tn+hn,1)
    print(f"tune {th:3}/{tn:<3} {th/max(tn,1):.2f}  held {hh:3}/{hn:<3} {hh/max(hn,1):.2f}  all {allp:.2f}  {w} {flag}")
