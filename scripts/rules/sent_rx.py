"""Sentence-level precision of candidate regexes for one technique, tune and held-out side by side.
A sentence counts as matched when the regex matches inside it (Python re, case-insensitive unless
--cs); it is correct when it overlaps a gold span of the category, like a finding reported with
`[rule.sentence] report = "sentence"`. Reads the dump written by sentdump.py.

  python3 sent_rx.py CATEGORY 'regex' ['regex'...] [--with CAT,CAT] [--without CAT,CAT] [--cs]
                     [--all] [-v|--fp|--tp] [--dump FILE]

Columns per split: n = sentences matched, P = precision for CATEGORY, any = share overlapping a
gold span of any technique, new = gold spans (any label) in matched sentences that no built-in
technique finding overlaps yet (what the rule would add to "any technique" recall).
--all: one extra line for all regexes together. -v / --fp / --tp: matched tune sentences
(all / false positives / true positives), marked + or -."""
import sys, os, re, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import proto

argv = sys.argv[1:]


def opt(name, default=None):
    return argv[argv.index(name) + 1] if name in argv else default


valued = {"--with", "--without", "--dump"}
args = [a for i, a in enumerate(argv) if not a.startswith("-") and not (i and argv[i - 1] in valued)]
cat, pats = args[0], args[1:]
labs = proto.PTC_MAP.get(cat, [cat])
with_ = [c for c in (opt("--with") or "").split(",") if c]
without = [c for c in (opt("--without") or "").split(",") if c]
flags = 0 if "--cs" in argv else re.I
rows = json.load(open(opt("--dump", "/tmp/ptc-sentences.json")))
rows = [r for r in rows if all(c in r["cats"] for c in with_) and not any(c in r["cats"] for c in without)]
show = "-v" in argv or "--fp" in argv or "--tp" in argv


def measure(rxs, label, verbose):
    res = []
    for split in ("tune", "held"):
        n = h = an = 0
        new = set()
        for r in rows:
            if r["split"] != split or not any(rx.search(r["text"]) for rx in rxs):
                continue
            n += 1
            hit = any(l in labs for l in r["gold"])
            h += hit
            an += bool(r["gold"])
            new.update((r["a"], i) for i in r["new"])
            if verbose and split == "tune" and ("-v" in argv or ("--fp" in argv) != hit):
                print(f"   {'+' if hit else '-'} [{','.join(g[:12] for g in r['gold'])}] {r['text'][:300]}")
        res.append(f"{split} n={n:4} P={h / max(n, 1):.2f} any={an / max(n, 1):.2f} new={len(new):3}")
    print("  ".join(res) + "   " + label)


compiled = [re.compile(p, flags) for p in pats]
for p, rx in zip(pats, compiled):
    measure([rx], p, show)
if "--all" in argv and len(compiled) > 1:
    measure(compiled, "ALL", False)
