"""Mine word/bigram precision against PTC spans on the tune split (throwaway)."""
import sys, re, collections
sys.path.insert(0, '.')
import ptc
arts, spans, si = ptc.load()
tune, held = ptc.split(arts)
lab = sys.argv[1] if len(sys.argv) > 1 else "Loaded_Language"
minn = int(sys.argv[2]) if len(sys.argv) > 2 else 3
N = collections.Counter(); H = collections.Counter(); A = collections.Counter()
for a in tune:
    t = arts[a]
    m1 = bytearray(len(t)); m2 = bytearray(len(t))
    for tt, s, e in spans[a]:
        for i in range(s, e):
            m2[i] = 1
            if tt == lab: m1[i] = 1
    toks = [(m.group().lower(), m.start(), m.end()) for m in re.finditer(r"[\w'’-]+", t)]
    for k in (1, 2):
        for i in range(len(toks) - k + 1):
            w = " ".join(x[0] for x in toks[i:i+k]); s = toks[i][1]; e = toks[i+k-1][2]
            N[w] += 1; H[w] += any(m1[s:e]); A[w] += any(m2[s:e])
rows = [(H[w]/N[w], N[w], w, A[w]/N[w]) for w in N if N[w] >= minn and H[w]/N[w] >= 0.3]
rows.sort(key=lambda r: (-r[0], -r[1]))
for p, n, w, a in rows:
    print(f"{p:.2f} {n:3} {a:.2f} {w}")
