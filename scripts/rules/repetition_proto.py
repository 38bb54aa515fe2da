"""Prototype for an engine feature the rule language lacks: repeated n-grams (PTC "Repetition").
Flags every later occurrence of a content n-gram (n = 1..3, at least one word that is not a
stopword, at least 4 letters) that occurs >= MIN times in one article; measures the flagged
occurrences against Repetition spans on the tune and held-out splits.
  python3 repetition_proto.py [MIN] [--loaded]
--loaded: only n-grams that contain a word of the loaded-language / name-calling phrase lists
(the repetition of an emotional word, which is what PTC annotators mostly marked)."""
import sys, os, re, collections, tomllib
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptc
MIN = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 3
STOP = set("the a an and or but of to in on at for with by from as is are was were be been being it its this that these those he she they we you i his her their our your my not no so if then than there here what which who whom whose when where why how all any each some such can could will would shall should may might must do does did have has had also just only very more most other into over after before about against between through during without within upon".split())
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "rules")
lex = set()
if "--loaded" in sys.argv:
    for f in ("loaded-language.toml", "name-calling.toml"):
        for r in tomllib.load(open(os.path.join(root, f), "rb"))["rule"]:
            for p in r.get("phrases", []):
                if " " not in p: lex.add(p.lower().rstrip("*"))
arts, spans, si = ptc.load()
tune, held = ptc.split(arts)
for name, ids in (("tune", tune), ("held", held)):
    n = h = an = 0; gold = found = 0
    for a in ids:
        t = arts[a]
        toks = [(m.group().lower(), m.start(), m.end()) for m in re.finditer(r"[A-Za-z][\w'’-]*", t)]
        occ = collections.defaultdict(list)
        for k in (3, 2, 1):
            for i in range(len(toks) - k + 1):
                ws = [x[0] for x in toks[i:i + k]]
                if ws[0] in STOP or ws[-1] in STOP: continue
                if not any(w not in STOP and len(w) >= 4 for w in ws): continue
                if lex and not any(w in lex for w in ws): continue
                occ[" ".join(ws)].append((toks[i][1], toks[i + k - 1][2]))
        flagged = []
        taken = bytearray(len(t))
        for g, places in sorted(occ.items(), key=lambda x: -len(x[0].split())):
            if len(places) < MIN: continue
            for s, e in places[1:]:
                if any(taken[s:e]): continue
                for i in range(s, e): taken[i] = 1
                flagged.append((s, e))
        rep = [(s, e) for l, s, e in spans[a] if l == "Repetition"]
        gold += len(rep)
        found += sum(any(s < fe and fs < e for fs, fe in flagged) for s, e in rep)
        for s, e in flagged:
            n += 1
            h += any(gs < e and s < ge for gs, ge in rep)
            an += any(gs < e and s < ge for l, gs, ge in spans[a])
    print(f"{name}: flagged {n}, precision {h/max(n,1):.3f} (any technique {an/max(n,1):.3f}), recall {found/max(gold,1):.3f} of {gold}")
