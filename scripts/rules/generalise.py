"""Generalisation check of the engine's findings: per rule and per matched text, precision on the
PTC tune split, the PTC held-out third and the SemEval-2023 relabelling (tune / held-out parts of it),
with the number of tune articles the hits come from and the tune precision without the single
best article (a term that is right in one article only is a sign of overfitting).

  python3 generalise.py NEWSLINT [--rules DIR] [--min N] [--terms] [--flag] [--fp RULE [--sem]]

Runs `newslint check --format jsonl` once on all PTC-2020 train articles and once on all SemEval-2023
articles with the five packs of DIR (default: this checkout's rules/) and `--no-default-rules`.
A finding is correct when it overlaps a gold span whose label maps to its category (the label map
of `newslint eval`, src/eval/label-map.toml).
--flag lists only rules / terms with tune P >= 0.5 and held-out P < 0.40 (held-out n >= 3), or pooled
PTC P < 0.40, or held-out P < 0.40 for a whole rule (n >= 5).
SemEval-2023 has only the 371 PTC train articles (its README): it is a relabelling check, not unseen data."""
import sys, os, json, subprocess, collections, tomllib
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
import ptc

args = sys.argv[1:]
exe = args[0]
def opt(name, default=None):
    return args[args.index(name) + 1] if name in args else default
rdir = opt("--rules", os.path.join(here, "..", "..", "rules"))
minn = int(opt("--min", "3"))
packs = [os.path.join(rdir, f) for f in ("loaded-language.toml", "name-calling.toml", "techniques.toml",
                                         "credibility-cues.toml", "signals.toml")]
with open(os.path.join(here, "..", "..", "src", "eval", "label-map.toml"), "rb") as fh:
    lmap = tomllib.load(fh)["labels"]
cat_labels = collections.defaultdict(set)
for lab, cats in lmap.items():
    for c in ([cats] if isinstance(cats, str) else cats):
        cat_labels[c].add(lab)

S = "/work/shared/corpus/semeval2023-task3-en"
P = ptc.PTC
ids = sorted(f[7:-4] for f in os.listdir(P + "/train-articles"))
tune, held = ptc.split(ids)
part_of = {a: "tune" for a in tune} | {a: "held" for a in held}

def gold(corpus):
    g = collections.defaultdict(list)
    if corpus == "ptc":
        for line in open(P + "/train-task2-TC.labels"):
            a, t, s, e = line.rstrip("\n").split("\t")
            g[a].append((t, int(s), int(e)))
    else:
        d = S + "/train-labels-subtask-3-spans"
        for f in os.listdir(d):
            for line in open(os.path.join(d, f)):
                if line.strip():
                    a, t, s, e = line.rstrip("\n").split("\t")
                    g[a].append((t, int(s), int(e)))
    return g

def run(corpus):
    d = P + "/train-articles" if corpus == "ptc" else S + "/train-articles-subtask-3"
    paths = [os.path.join(d, f"article{a}.txt") for a in ids if os.path.exists(os.path.join(d, f"article{a}.txt"))]
    cmd = ["nice", exe, "check", "--no-default-rules", "--no-config", "--format", "jsonl"]
    for r in packs:
        cmd += ["--rules", r]
    out = subprocess.run(cmd + paths, capture_output=True, text=True).stdout
    g = gold(corpus)
    res = []   # (article, rule, text, hit, context)
    for line in out.splitlines():
        art = json.loads(line)
        a = os.path.basename(art["path"])[7:-4]
        t = open(art["path"], encoding="utf-8").read()
        b2c, ci = {}, 0
        for i, ch in enumerate(t):
            b2c[ci] = i
            ci += len(ch.encode("utf-8"))
        b2c[ci] = len(t)
        for f in art["findings"]:
            if f["group"] != "technique":
                continue
            s, e = b2c[f["start"]], b2c[f["end"]]
            labs = cat_labels.get(f["category"], set())
            hit = any(l in labs and gs < e and s < ge for l, gs, ge in g[a])
            txt = t[s:e].lower() if e - s < 60 else "<sentence>"
            res.append((a, f["rule"], txt, hit, t[max(0, s - 70):e + 70].replace("\n", " / ")))
    return res

ptc_res, sem_res = run("ptc"), run("sem")

def agg(res, key):
    d = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
    arts = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
    for a, rule, txt, hit, _ in res:
        for k in key(rule, txt):
            p = part_of[a]
            d[k][p][0] += 1; d[k][p][1] += hit
            if p == "tune":
                arts[k][a][0] += 1; arts[k][a][1] += hit
    return d, arts

def fmt(x):
    n, h = x
    return f"{h:3}/{n:<3} {h/n:4.2f}" if n else f"{h:3}/{n:<3}  -  "

keyf = lambda rule, txt: [(rule, "")] + ([(rule, txt)] if "--terms" in args or "--flag" in args else [])
pd, parts = agg(ptc_res, keyf)
sd, _ = agg(sem_res, keyf)
print(f"{'rule / term':52} {'tune':>12} {'held':>12} {'pooled':>12} {'sem-tune':>12} {'sem-held':>12} arts  lobo")
for k in sorted(pd, key=lambda k: (k[0], k[1] != "", k[1])):
    t, h = pd[k]["tune"], pd[k]["held"]
    st, sh = sd[k]["tune"], sd[k]["held"]
    pool = [t[0] + h[0], t[1] + h[1]]
    if k[1] and pool[0] < minn:
        continue
    a = parts[k]
    # tune precision without the article with the most correct findings
    best = max(a.values(), key=lambda v: v[1]) if a else [0, 0]
    lobo = (t[1] - best[1]) / (t[0] - best[0]) if t[0] - best[0] else float("nan")
    if "--flag" in args:
        over = t[0] >= 3 and t[1] / t[0] >= 0.5 and h[0] >= 3 and h[1] / h[0] < 0.4
        weak = pool[0] >= minn and pool[1] / pool[0] < 0.4
        rule_weak = not k[1] and h[0] >= 5 and h[1] / h[0] < 0.4
        if not (over or weak or rule_weak):
            continue
    name = k[0] if not k[1] else ("    " + k[1] if "--flag" not in args else f"  {k[0][:20]}: {k[1]}")
    print(f"{name[:52]:52} {fmt(t)} {fmt(h)} {fmt(pool)} {fmt(st)} {fmt(sh)} {len(a):4}  {lobo:4.2f}")
fp = opt("--fp")
if fp:
    for corpus, res in (("ptc", ptc_res), ("sem", sem_res)):
        for a, rule, txt, hit, ctx in res:
            if rule == fp and (corpus == "ptc" or "--sem" in args):
                print(corpus + " " + ("HIT " if hit else "FP  ") + part_of[a] + " " + a + ": " + ctx)
