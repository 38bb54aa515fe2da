"""Strong-valence words of the AFINN and VADER sentiment lexicons that no rule lists yet, one per line,
for `words.py LABEL -`; with --spread LABEL, reads words on stdin and prints, for the tune split, how many
uses fall inside a span of LABEL, all uses, and in how many distinct articles the hits are.
  python3 lexicon.py AFINN-en-165.txt vader_lexicon.txt [--afinn 3] [--vader 2.5] > cands.txt
  python3 words.py loaded-language - < cands.txt
  python3 lexicon.py --spread loaded-language < chosen.txt
The lexicon files ship with the PyPI packages `afinn` (afinn/data/AFINN-en-165.txt; Nielsen 2011) and
`vaderSentiment` (vaderSentiment/vader_lexicon.txt; Hutto & Gilbert 2014); install them into a scratch
virtualenv. Nothing from them is copied into the repository."""
import sys, os, re, glob, tomllib
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
args = sys.argv[1:]


def opt(name, default):
    return float(args[args.index(name) + 1]) if name in args else default


if "--spread" in args:
    import ptc, proto
    lab = args[args.index("--spread") + 1]
    labs = proto.PTC_MAP.get(lab, [lab])
    arts, spans, si = ptc.load()
    tune, held = ptc.split(arts)
    for w in (l.strip() for l in sys.stdin if l.strip()):
        rx = re.compile(r"\b" + re.escape(w) + r"\b", re.I)
        n = h = 0
        hit_arts = set()
        for a in tune:
            for m in rx.finditer(arts[a]):
                s, e = m.span()
                n += 1
                if any(l in labs and gs < e and s < ge for l, gs, ge in spans[a]):
                    h += 1
                    hit_arts.add(a)
        print(f"tune {h:3}/{n:<3} in {len(hit_arts)} articles  {w}")
    sys.exit()

afinn_file, vader_file = [a for a in args if not a.startswith("--") and not re.fullmatch(r"[\d.]+", a)][:2]
athr, vthr = opt("--afinn", 3), opt("--vader", 2.5)
listed = set()
for f in glob.glob(os.path.join(HERE, "..", "..", "rules", "*.toml")):
    for r in tomllib.load(open(f, "rb")).get("rule", []):
        for p in r.get("phrases", []):
            listed.add(p.lower().rstrip("*"))
cands = set()
for line in open(afinn_file, encoding="utf-8"):
    w, v = line.rstrip("\n").rsplit("\t", 1)
    if abs(int(v)) >= athr and re.fullmatch(r"[a-z][a-z-]+", w):
        cands.add(w)
for line in open(vader_file, encoding="utf-8", errors="ignore"):
    p = line.split("\t")
    try:
        v = float(p[1])
    except (IndexError, ValueError):
        continue
    if abs(v) >= vthr and re.fullmatch(r"[a-z][a-z-]+", p[0]):
        cands.add(p[0])
for w in sorted(cands - listed):
    print(w)
