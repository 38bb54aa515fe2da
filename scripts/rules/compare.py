"""Per-term precision of the engine's findings on the tune split and the held-out third side by side.
  python3 compare.py NEWSLINT CATEGORY_PREFIX [--below P] [--min N]   (rules of this checkout)
Shows terms whose tune precision is below P (default 0.4) with at least N tune hits (default 3)."""
import sys, os, subprocess, collections, re
here = os.path.dirname(os.path.abspath(__file__))
exe, pref = sys.argv[1], sys.argv[2]
below = float(sys.argv[sys.argv.index("--below") + 1]) if "--below" in sys.argv else 0.4
minn = int(sys.argv[sys.argv.index("--min") + 1]) if "--min" in sys.argv else 3
res = {}
for part in ("--tune", "--held"):
    out = subprocess.run([sys.executable, os.path.join(here, "findings.py"), exe, part, "--terms"],
                         capture_output=True, text=True).stdout
    rule = None
    for line in out.splitlines():
        if not line.startswith(" "):
            rule = line.split()[0]; continue
        m = re.match(r"\s+(\d+)\s+([\d.]+) any=([\d.]+)\s\s(.*)", line)
        n, p, a, t = int(m[1]), float(m[2]), float(m[3]), m[4]
        res.setdefault((rule, t), {})[part] = (n, round(p * n))
for (rule, t), d in sorted(res.items()):
    if not rule.startswith(pref): continue
    tn, th = d.get("--tune", (0, 0)); hn, hh = d.get("--held", (0, 0))
    if tn >= minn and th / tn < below:
        print(f"{rule:32} tune {th:3}/{tn:<3} {th/tn:.2f}  held {hh:3}/{hn:<3} {hh/max(hn,1):.2f}  {t}")
