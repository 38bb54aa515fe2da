"""Throwaway prototype of newslint's rule matching, for measuring rules/*.toml on labelled data
before the Rust engine exists. Approximates rules/README.md: case-insensitive whole-word phrases
with `word*` prefixes, regex patterns (Python re), exceptions, scope (title/body/boilerplate,
quote/outside-quote), [rule.sentence] without/with/report. Not the engine: numbers are indicative.

  python3 proto.py test            # run examples/counterexamples of every rule
  python3 proto.py eval [--all]    # PTC per-category P/R on the held-out third (or all)
  python3 proto.py show FILE...    # print findings for text files
"""
import glob, os, re, sys, tomllib, collections

HERE = os.path.dirname(os.path.abspath(__file__))
RULES_DIR = os.path.join(HERE, "..", "..", "rules")

PTC_MAP = {
    "loaded-language": ["Loaded_Language"],
    "name-calling": ["Name_Calling,Labeling"],
    "exaggeration": ["Exaggeration,Minimisation"],
    "doubt": ["Doubt"],
    "appeal-to-fear": ["Appeal_to_fear-prejudice"],
    "flag-waving": ["Flag-Waving"],
    "causal-oversimplification": ["Causal_Oversimplification"],
    "slogans": ["Slogans"],
    "appeal-to-authority": ["Appeal_to_Authority"],
    "black-and-white": ["Black-and-White_Fallacy"],
    "thought-terminating-cliche": ["Thought-terminating_Cliches"],
    "whataboutism": ["Whataboutism,Straw_Men,Red_Herring"],
    "bandwagon": ["Bandwagon,Reductio_ad_hitlerum"],
    "reductio-ad-hitlerum": ["Bandwagon,Reductio_ad_hitlerum"],
    "repetition": ["Repetition"],
}

def phrase_regex(p):
    toks = p.split()
    out = []
    for i, t in enumerate(toks):
        star = t.endswith("*")
        if star:
            t = t[:-1]
        r = "".join("['’`]" if ch in "'’" else re.escape(ch) for ch in t)
        if star:
            r += r"\w*"
        out.append(r)
    body = r"\s+".join(out)
    pre = r"(?<!\w)" if re.match(r"\w", p) else ""
    post = r"(?!\w)" if (re.search(r"\w\*?$", p)) else ""
    return pre + body + post

class Rule:
    def __init__(self, d, src, cats):
        self.d = d
        self.id = d["id"]; self.cat = d["category"]; self.src = src
        self.group = cats[self.cat]
        rx = []
        if d.get("phrases"):
            rx.append(re.compile("|".join(f"(?:{phrase_regex(p)})" for p in d["phrases"]), re.I))
        flags = 0 if d.get("case-sensitive") else re.I
        for p in d.get("patterns", []):
            rx.append(re.compile(p, flags))
        self.rx = rx
        self.exc = re.compile("|".join(f"(?:{phrase_regex(p)})" for p in d["exceptions"]), re.I) if d.get("exceptions") else None
        self.scope = d.get("scope", [])
        self.sent = d.get("sentence")

ALLOWED = {"id","category","message","explanation","severity","weight","phrases","patterns",
           "case-sensitive","scope","exceptions","examples","counterexamples","sentence"}

def load_rules(paths=None):
    tax = tomllib.load(open(os.path.join(RULES_DIR, "taxonomy.toml"), "rb"))
    cats = {c["id"]: c["group"] for c in tax["category"]}
    rules = []
    for f in paths or sorted(glob.glob(os.path.join(RULES_DIR, "*.toml"))):
        if f.endswith("taxonomy.toml"):
            continue
        data = tomllib.load(open(f, "rb"))
        for c in data.get("category", []):
            cats[c["id"]] = c["group"]
        for r in data.get("rule", []):
            bad = set(r) - ALLOWED
            assert not bad, (f, r.get("id"), bad)
            if r.get("sentence"):
                assert set(r["sentence"]) <= {"without","with","report"}, r["id"]
            rules.append(Rule(r, os.path.basename(f), cats))
    ids = [r.id for r in rules]
    dup = [i for i, n in collections.Counter(ids).items() if n > 1]
    assert not dup, dup
    return rules

QUOTE_RX = re.compile(r'“[^”\n]{1,600}”|"[^"\n]{1,600}"')
SENT_RX = re.compile(r'[^\n]*?(?:[.!?]+[”"’)]*(?=\s)|\n|$)')

def zones_of(text, title_first_line=True, boilerplate=()):
    z = []
    if title_first_line:
        nl = text.find("\n")
        nl = len(text) if nl < 0 else nl
        z.append(("title", 0, nl)); z.append(("body", nl, len(text)))
    else:
        z.append(("body", 0, len(text)))
    return z

def sentences(text):
    out = []
    pos = 0
    for m in re.finditer(r'(?<=[.!?])[”"’)]*\s+|\n+', text):
        out.append((pos, m.start())); pos = m.end()
    out.append((pos, len(text)))
    return [(s, e) for s, e in out if e > s]

def analyse(text, rules, zones=None):
    zones = zones or zones_of(text)
    quotes = [(m.start(), m.end()) for m in QUOTE_RX.finditer(text)]
    def zone_at(i):
        for k, s, e in zones:
            if s <= i < e: return k
        return "body"
    def in_quote(s, e):
        if not quotes: return False
        return any(qs <= s and e <= qe for qs, qe in quotes)
    raw = []
    exc_cache = {}
    for r in rules:
        for rx in r.rx:
            for m in rx.finditer(text):
                s, e = m.span()
                if e <= s: continue
                if r.exc:
                    if r.id not in exc_cache:
                        exc_cache[r.id] = [x.span() for x in r.exc.finditer(text)]
                    if any(xs <= s and e <= xe for xs, xe in exc_cache[r.id]):
                        continue
                z = zone_at(s)
                sc = r.scope
                zs = [x for x in sc if x in ("title","byline","body","boilerplate","any")]
                if zs:
                    if "any" not in zs and z not in zs: continue
                elif z == "boilerplate":
                    continue
                q = in_quote(s, e)
                if "quote" in sc and not q: continue
                if "outside-quote" in sc and q: continue
                raw.append((s, e, r))
    sents = sentences(text)
    import bisect
    starts = [s for s, e in sents]
    def sent_of(i):
        k = bisect.bisect_right(starts, i) - 1
        if k >= 0 and sents[k][0] <= i < sents[k][1]: return sents[k]
        return (i, i + 1)
    cats_in = collections.defaultdict(set)
    for s, e, r in raw:
        if not r.sent:
            cats_in[sent_of(s)].add(r.cat)
    out = []
    seen = set()
    for s, e, r in raw:
        if r.sent:
            ss = sent_of(s)
            have = cats_in[ss]
            if any(c in have for c in r.sent.get("without", [])): continue
            if not all(c in have for c in r.sent.get("with", [])): continue
            if r.sent.get("report") == "sentence":
                s, e = ss
        key = (s, e, r.id)
        if key in seen: continue
        seen.add(key)
        out.append((s, e, r))
    out.sort(key=lambda x: (x[0], x[1]))
    return out

def cmd_test(rules):
    fails = 0
    for r in rules:
        tzone = [("title", 0, 10**9)] if r.scope == ["title"] else [("body", 0, 10**9)]
        for ex in r.d.get("examples", []):
            if not any(f[2].id == r.id for f in analyse(ex, rules, tzone)):
                print(f"FAIL example   {r.id}: {ex!r}"); fails += 1
        for ex in r.d.get("counterexamples", []):
            if any(f[2].id == r.id for f in analyse(ex, rules, tzone)):
                print(f"FAIL counterex {r.id}: {ex!r}"); fails += 1
        if not r.d.get("examples") or not r.d.get("counterexamples"):
            print(f"MISSING tests {r.id}"); fails += 1
    print(f"{len(rules)} rules, {fails} failures")
    return fails

def overl(a, b, c, d):
    return a < d and c < b

def cmd_eval(rules, ids, arts, spans, si, verbose=False):
    tp = collections.Counter(); n = collections.Counter(); rec = collections.Counter(); gold = collections.Counter()
    per_rule = collections.defaultdict(lambda: [0, 0])
    agn_tp = agn_n = agn_rec = agn_gold = 0
    trules = [r for r in rules if r.group == "technique"]
    fp_examples = collections.defaultdict(collections.Counter)
    for a in ids:
        text = arts[a]
        fs = [f for f in analyse(text, trules) if f[2].group == "technique"]
        g = spans[a]
        for s, e, r in fs:
            labs = PTC_MAP.get(r.cat, [])
            hit = any(t in labs and overl(s, e, gs, ge) for t, gs, ge in g)
            n[r.cat] += 1; tp[r.cat] += hit
            per_rule[r.id][0] += 1; per_rule[r.id][1] += hit
            agn_n += 1; agn_tp += any(overl(s, e, gs, ge) for gs, ge in si[a])
            if not hit: fp_examples[r.id][text[s:e].lower()] += 1
        for cat, labs in PTC_MAP.items():
            for t, gs, ge in g:
                if t in labs:
                    gold[cat] += 1
                    rec[cat] += any(r.cat == cat and overl(s, e, gs, ge) for s, e, r in fs)
        for gs, ge in si[a]:
            agn_gold += 1; agn_rec += any(overl(s, e, gs, ge) for s, e, r in fs)
    print(f"{'category':28} {'find':>5} {'P':>5} {'gold':>5} {'R':>5} {'F1':>5}")
    for cat in PTC_MAP:
        p = tp[cat] / n[cat] if n[cat] else float('nan')
        rr = rec[cat] / gold[cat] if gold[cat] else float('nan')
        f1 = 2 * p * rr / (p + rr) if n[cat] and (p + rr) else 0
        print(f"{cat:28} {n[cat]:5} {p:5.2f} {gold[cat]:5} {rr:5.2f} {f1:5.2f}")
    p = agn_tp / max(agn_n, 1); rr = agn_rec / max(agn_gold, 1)
    print(f"{'technique-agnostic':28} {agn_n:5} {p:5.2f} {agn_gold:5} {rr:5.2f} {2*p*rr/(p+rr) if p+rr else 0:5.2f}")
    if verbose:
        for rid, (nn, t) in sorted(per_rule.items()):
            print(f"  {rid:40} {nn:5} P={t/nn:.2f}  FP: {', '.join(f'{k}:{v}' for k, v in fp_examples[rid].most_common(12))}")

def main():
    args = sys.argv[1:]
    rules = load_rules()
    if not args or args[0] == "test":
        sys.exit(1 if cmd_test(rules) else 0)
    if args[0] == "eval":
        sys.path.insert(0, HERE)
        import ptc
        arts, spans, si = ptc.load()
        tune, held = ptc.split(arts)
        ids = sorted(arts) if "--all" in args else (tune if "--tune" in args else held)
        cmd_eval(rules, ids, arts, spans, si, verbose="-v" in args)
    if args[0] == "show":
        for f in args[1:]:
            t = open(f, encoding="utf-8").read()
            print("==", f)
            for s, e, r in analyse(t, rules, zones_of(t)):
                print(f"  {s:6} {r.cat:26} {r.id:30} {t[s:e][:80]!r}")

if __name__ == "__main__":
    main()
