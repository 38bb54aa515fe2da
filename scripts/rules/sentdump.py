"""Dump every sentence of the PTC-2020 train articles as the engine segments them, with the gold
labels each sentence overlaps (and which of those spans no built-in technique finding
overlaps yet) and the categories the built-in rules find in it.
  python3 sentdump.py NEWSLINT [OUT.json]   (default /tmp/ptc-sentences.json)

Sentences come from the engine itself: a throwaway rule that matches any word character and
reports its sentence (`[rule.sentence] report = "sentence"`), so the boundaries are exactly the
ones a sentence-level rule gets. Output: a list of {a (article id), split (tune|held), s, e (code
point offsets), text, gold: [labels overlapping], cats: [categories of built-in findings]}.
sent_rx.py reads it. Throwaway measurement helper; no corpus text goes into the repository."""
import sys, os, json, subprocess, tempfile
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptc

exe = sys.argv[1]
out_path = sys.argv[2] if len(sys.argv) > 2 else "/tmp/ptc-sentences.json"
arts, spans, si = ptc.load()
tune, held = ptc.split(arts)
split_of = {a: "tune" for a in tune}
split_of.update({a: "held" for a in held})
paths = [os.path.join(ptc.PTC, "train-articles", f"article{a}.txt") for a in sorted(arts)]

RULE = '''[[rule]]
id = "every-sentence"
category = "repetition"
message = "sentence"
explanation = "Throwaway rule that reports every sentence."
patterns = ['\\w']
examples = ["A sentence."]
[rule.sentence]
report = "sentence"
'''


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()


def b2c_map(t):
    m, ci = {}, 0
    for i, ch in enumerate(t):
        m[ci] = i
        ci += len(ch.encode("utf-8"))
    m[ci] = len(t)
    return m


with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as fh:
    fh.write(RULE)
    rule_file = fh.name
base = ["check", "--format", "jsonl", "--no-config"]
sent_lines = run([exe, *base, "--no-default-rules", "--rules", rule_file, *paths])
find_lines = run([exe, *base, *paths])
os.unlink(rule_file)

findings = {}
tech = {}
for line in find_lines:
    art = json.loads(line)
    a = os.path.basename(art["path"])[7:-4]
    m = b2c_map(arts[a])
    findings[a] = [(m[f["start"]], m[f["end"]], f["category"]) for f in art["findings"]]
    tech[a] = [(m[f["start"]], m[f["end"]]) for f in art["findings"] if f["group"] == "technique"]
rows = []
for line in sent_lines:
    art = json.loads(line)
    a = os.path.basename(art["path"])[7:-4]
    t = arts[a]
    m = b2c_map(t)
    for f in art["findings"]:
        s, e = m[f["start"]], m[f["end"]]
        gold = sorted({lab for lab, gs, ge in spans[a] if gs < e and s < ge})
        cats = sorted({c for fs, fe, c in findings[a] if fs < e and s < fe})
        # gold spans (index into the article's span list) overlapped, and whether a built-in technique
        # finding already overlaps each of them
        gi = [i for i, (lab, gs, ge) in enumerate(spans[a]) if gs < e and s < ge]
        new = [i for i in gi if not any(fs < spans[a][i][2] and spans[a][i][1] < fe for fs, fe in tech[a])]
        rows.append({"a": a, "split": split_of[a], "s": s, "e": e, "text": t[s:e], "gold": gold, "cats": cats,
                     "spans": gi, "new": new})
with open(out_path, "w") as fh:
    json.dump(rows, fh)
print(f"{len(rows)} sentences from {len(sent_lines)} articles -> {out_path}")
