"""Gold spans of one category that no finding of that category overlaps (tune split by default).
  python3 missed.py NEWSLINT CATEGORY [tune|held]"""
import sys, os, json, subprocess, collections
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import ptc, proto
exe=sys.argv[1]; cat=sys.argv[2]; part=sys.argv[3] if len(sys.argv)>3 else "tune"
arts, spans, si = ptc.load(); tune, held = ptc.split(arts)
ids = tune if part=="tune" else held
R=os.path.join(HERE, "..", "..", "rules")
paths=[os.path.join(ptc.PTC,"train-articles",f"article{a}.txt") for a in ids]
cmd=[exe,"check","--no-default-rules","--format","jsonl","--no-config"]
for f in ("loaded-language","name-calling","techniques"): cmd+=["--rules",f"{R}/{f}.toml"]
out=subprocess.run(cmd+paths,capture_output=True,text=True).stdout
labs=proto.PTC_MAP[cat]
found=collections.defaultdict(list)
for line in out.splitlines():
    art=json.loads(line); a=os.path.basename(art["path"])[7:-4]; t=arts[a]
    b2c={}; ci=0
    for i,ch in enumerate(t): b2c[ci]=i; ci+=len(ch.encode())
    b2c[ci]=len(t)
    for f in art["findings"]:
        if f["category"]==cat: found[a].append((b2c[f["start"]],b2c[f["end"]]))
for a in ids:
    for l,s,e in spans[a]:
        if l in labs and not any(fs<e and s<fe for fs,fe in found[a]):
            print(repr(arts[a][s:e][:100]))
