"""Precision/recall of the title-scoped clickbait rules on the Chakraborty et al. 2016 DEV headlines,
using the prototype matcher (each headline analysed as a title). Throwaway measurement helper.
  python3 clickbait_eval.py [--half even|odd]   # even/odd lines of the DEV files, to check stability"""
import gzip, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import proto
D = "/work/shared/corpus/clickbait-chakraborty2016"
def read(f):
    return [l.strip() for l in gzip.open(os.path.join(D, f), "rt", encoding="utf-8") if l.strip()]
cb, ncb = read("clickbait_data.gz"), read("non_clickbait_data.gz")
if "--half" in sys.argv:
    k = 0 if sys.argv[sys.argv.index("--half") + 1] == "even" else 1
    cb, ncb = cb[k::2], ncb[k::2]
rules = [r for r in proto.load_rules() if r.cat == "clickbait"]
def fires(h):
    return any(True for _ in proto.analyse(h, rules, [("title", 0, len(h))]))
tp = sum(map(fires, cb)); fp = sum(map(fires, ncb))
print(f"clickbait rules: {len(rules)}; headlines {len(cb)} clickbait / {len(ncb)} not")
print(f"TP={tp} FP={fp} precision={tp/max(tp+fp,1):.3f} recall={tp/len(cb):.3f}")
