"""Per-rule and per-term precision of the real engine's findings against PTC spans.
Runs `newslint check --format jsonl` (so matching, exceptions, zones and sentence conditions are
the engine's own), then scores each finding like `newslint eval` does: correct when it overlaps a
gold span whose label maps to its category.

  python3 findings.py NEWSLINT [--held|--all] [--rules FILE]... [--rule ID] [--min N] [--terms]

Without --rules the three technique packs of this checkout are used (with --no-default-rules).
--terms lists each distinct matched text (lower-cased) with count, precision and "any" precision
(overlap with a gold span of any technique), --fp prints false-positive contexts."""
import sys, os, json, subprocess, collections
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptc, proto

args = sys.argv[1:]
exe = args[0]
def opt(name, default=None):
    return args[args.index(name) + 1] if name in args else default
rules = [args[i + 1] for i, a in enumerate(args) if a == "--rules"]
if not rules:
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "rules")
    rules = [os.path.join(root, f) for f in ("loaded-language.toml", "name-calling.toml", "techniques.toml")]
only = opt("--rule")
minn = int(opt("--min", "1"))
arts, spans, si = ptc.load()
tune, held = ptc.split(arts)
ids = list(arts) if "--all" in args else held if "--held" in args else tune
paths = [os.path.join(ptc.PTC, "train-articles", f"article{a}.txt") for a in ids]
cmd = [exe, "check", "--no-default-rules", "--format", "jsonl", "--no-config"]
for r in rules:
    cmd += ["--rules", r]
out = subprocess.run(cmd + paths, capture_output=True, text=True).stdout
per_rule = collections.defaultdict(lambda: [0, 0, 0])
per_term = collections.defaultdict(lambda: [0, 0, 0])
fps = collections.defaultdict(list)
for line in out.splitlines():
    art = json.loads(line)
    a = os.path.basename(art["path"])[7:-4]
    t = arts[a]
    b = t.encode("utf-8")
    # byte offset -> char offset
    b2c = {}
    ci = 0
    for i, ch in enumerate(t):
        b2c[ci] = i
        ci += len(ch.encode("utf-8"))
    b2c[ci] = len(t)
    for f in art["findings"]:
        if f["group"] != "technique":
            continue
        if only and f["rule"] != only:
            continue
        s, e = b2c[f["start"]], b2c[f["end"]]
        labs = proto.PTC_MAP.get(f["category"], [])
        hit = any(l in labs and gs < e and s < ge for l, gs, ge in spans[a])
        anyh = any(gs < e and s < ge for l, gs, ge in spans[a])
        for d, k in ((per_rule, f["rule"]), (per_term, (f["rule"], t[s:e].lower()))):
            d[k][0] += 1; d[k][1] += hit; d[k][2] += anyh
        if not hit and "--fp" in args:
            fps[f["rule"]].append(t[max(0, s - 60):e + 60].replace("\n", " / "))
for r, (n, h, an) in sorted(per_rule.items()):
    print(f"{r:40} {n:5} P={h/n:.2f} any={an/n:.2f}")
    if "--terms" in args:
        rows = [(k[1], v) for k, v in per_term.items() if k[0] == r and v[0] >= minn]
        rows.sort(key=lambda x: (x[1][1] / x[1][0], -x[1][0]))
        for term, (n2, h2, a2) in rows:
            print(f"     {n2:4} {h2/n2:5.2f} any={a2/n2:4.2f}  {term}")
    for c in fps.get(r, []):
        print("       FP:", c)
