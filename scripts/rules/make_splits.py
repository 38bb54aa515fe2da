"""Write the tune (2/3) and held-out (1/3) splits of the PTC-2020 train articles and of the
SemEval-2023 English articles as folders of symlinks that `newslint eval` reads.
Every third article by sorted id is held out (same split as proto.py / ptc.split).
  python3 make_splits.py [OUT_DIR]   (default /tmp/rw)"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ptc
out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/rw"
S = "/work/shared/corpus/semeval2023-task3-en"
P = ptc.PTC
ids = sorted(f[7:-4] for f in os.listdir(P + "/train-articles"))
tune, held = ptc.split(ids)
for name, part in (("tune", tune), ("held", held)):
    for corpus, art, lab in (
        ("ptc", lambda a: f"{P}/train-articles/article{a}.txt",
         lambda a: f"{P}/train-labels-task2-technique-classification/article{a}.task2-TC.labels"),
        ("sem", lambda a: f"{S}/train-articles-subtask-3/article{a}.txt",
         lambda a: f"{S}/train-labels-subtask-3-spans/article{a}-labels-subtask-3.txt"),
    ):
        d = f"{out}/{corpus}-{name}"
        for sub in ("articles", "labels"):
            os.makedirs(f"{d}/{sub}", exist_ok=True)
        for a in part:
            for src, sub in ((art(a), "articles"), (lab(a), "labels")):
                dst = f"{d}/{sub}/{os.path.basename(src)}"
                if os.path.exists(src) and not os.path.lexists(dst):
                    os.symlink(src, dst)
print(f"{len(tune)} tune, {len(held)} held-out articles under {out}/{{ptc,sem}}-{{tune,held}}")
