"""Load PTC-2020 train articles and technique spans (code-point offsets).
Throwaway measurement helper for newslint rule authoring."""
import os, collections
PTC = "/work/shared/corpus/ptc-semeval2020"

def load():
    arts = {}
    d = os.path.join(PTC, "train-articles")
    for f in sorted(os.listdir(d)):
        aid = f[len("article"):-4]
        with open(os.path.join(d, f), encoding="utf-8") as fh:
            arts[aid] = fh.read()
    spans = collections.defaultdict(list)
    with open(os.path.join(PTC, "train-task2-TC.labels")) as fh:
        for line in fh:
            a, t, s, e = line.rstrip("\n").split("\t")
            spans[a].append((t, int(s), int(e)))
    si = collections.defaultdict(list)
    with open(os.path.join(PTC, "train-task1-SI.labels")) as fh:
        for line in fh:
            a, s, e = line.rstrip("\n").split("\t")
            si[a].append((int(s), int(e)))
    return arts, spans, si

def split(ids):
    """Deterministic split: every third article (sorted by id) is held out."""
    ids = sorted(ids)
    tune = [a for i, a in enumerate(ids) if i % 3 != 0]
    held = [a for i, a in enumerate(ids) if i % 3 == 0]
    return tune, held
