"""Per-rule precision of candidate rules, run by the real engine, tune and held-out side by side.
  python3 candidates.py NEWSLINT CANDIDATES.toml [--pack DIR] [--each] [-v RULE|--fp RULE|--tp RULE]

The engine runs with this checkout's packs (or those in --pack DIR) plus CANDIDATES.toml, so
sentence conditions, scopes, exceptions and the per-category dedupe behave as they will once the
rules are in a pack. For each rule of CANDIDATES.toml: n = its findings, P = share overlapping a
gold span of its category, any = share overlapping a gold span of any technique, new = gold spans
(any label) its findings overlap that no finding of the packs alone overlaps. -v / --fp / --tp
RULE: that rule's matched tune sentences (all / false positives / true positives), marked + or -.
--each runs the engine once per candidate (candidates of one category would otherwise dedupe each
other's findings); the ALL line then double-counts overlapping candidates."""
import sys, os, json, subprocess, collections, re, glob
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptc, proto

args = sys.argv[1:]
exe, cand = args[0], args[1]


def opt(name, default=None):
    return args[args.index(name) + 1] if name in args else default


pack = opt("--pack", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "rules"))
packs = [f for f in sorted(glob.glob(os.path.join(pack, "*.toml"))) if not f.endswith("taxonomy.toml")]
show = opt("-v") or opt("--fp") or opt("--tp")
mode = "-v" if opt("-v") else "--fp" if opt("--fp") else "--tp"
cand_ids = re.findall(r'(?m)^id = "([^"]+)"', open(cand).read())
arts, spans, si = ptc.load()
tune, held = ptc.split(arts)
split_of = {a: "tune" for a in tune}
split_of.update({a: "held" for a in held})
paths = [os.path.join(ptc.PTC, "train-articles", f"article{a}.txt") for a in sorted(arts)]


def run(extra):
    cmd = [exe, "check", "--no-default-rules", "--format", "jsonl", "--no-config"]
    for r in packs + extra:
        cmd += ["--rules", r]
    res = subprocess.run(cmd + paths, capture_output=True, text=True)
    if not res.stdout:
        sys.exit(res.stderr)
    out = {}
    for line in res.stdout.splitlines():
        art = json.loads(line)
        a = os.path.basename(art["path"])[7:-4]
        t = arts[a]
        b2c, ci = {}, 0
        for i, ch in enumerate(t):
            b2c[ci] = i
            ci += len(ch.encode("utf-8"))
        b2c[ci] = len(t)
        out[a] = [(b2c[f["start"]], b2c[f["end"]], f["rule"], f["category"]) for f in art["findings"]
                  if f["group"] == "technique"]
    return out


base = run([])
if "--each" in args:
    # one engine run per candidate rule, so that candidates of one category do not dedupe each other
    import tempfile
    blocks = re.split(r'(?m)^(?=\[\[rule\]\])', open(cand).read())
    withc = collections.defaultdict(list)
    for b in blocks:
        if not re.search(r'(?m)^id = ', b):
            continue
        with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as fh:
            fh.write(b)
        for a, fs in run([fh.name]).items():
            withc[a] += fs
        os.unlink(fh.name)
else:
    withc = run([cand])
stats = collections.defaultdict(lambda: {"tune": [0, 0, 0, set()], "held": [0, 0, 0, set()]})
for a, fs in withc.items():
    sp = split_of[a]
    covered = {i for i, (l, gs, ge) in enumerate(spans[a]) if any(s < ge and gs < e for s, e, _, _ in base[a])}
    for s, e, rule, cat in fs:
        if rule not in cand_ids:
            continue
        labs = proto.PTC_MAP.get(cat, [])
        hit = any(l in labs and gs < e and s < ge for l, gs, ge in spans[a])
        anyh = any(gs < e and s < ge for l, gs, ge in spans[a])
        st = stats[rule][sp]
        st[0] += 1; st[1] += hit; st[2] += anyh
        st[3].update((a, i) for i, (l, gs, ge) in enumerate(spans[a]) if gs < e and s < ge and i not in covered)
        if show == rule and sp == "tune" and (mode == "-v" or (mode == "--fp") != hit):
            lab = ",".join(sorted({l[:12] for l, gs, ge in spans[a] if gs < e and s < ge}))
            print(f"   {'+' if hit else '-'} [{lab}] {arts[a][s:e][:300]!r}")
tot = {"tune": [0, 0, 0, set()], "held": [0, 0, 0, set()]}
for rule in cand_ids:
    cells = []
    for sp in ("tune", "held"):
        n, h, an, new = stats[rule][sp]
        t = tot[sp]; t[0] += n; t[1] += h; t[2] += an; t[3] |= new
        cells.append(f"{sp} n={n:4} P={h / max(n, 1):.2f} any={an / max(n, 1):.2f} new={len(new):3}")
    print("  ".join(cells) + "   " + rule)
print("  ".join(f"{sp} n={t[0]:4} P={t[1] / max(t[0], 1):.2f} any={t[2] / max(t[0], 1):.2f} new={len(t[3]):3}"
                for sp, t in tot.items()) + "   ALL")
