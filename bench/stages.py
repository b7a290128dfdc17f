"""Words per second for each stage on the seeds plus the bundled examples.

    python bench/stages.py [--repeat 3] [--json]

The first pass warms up (model and gazetteer loading) and is not counted; the
figures are the mean over ``--repeat`` further passes, one core. A baseline
for later work, no targets.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chronicon import Pipeline  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("paths", nargs="*", default=[str(ROOT.parent / "shared" / "data" / "seeds"), str(ROOT / "examples" / "rasputin")])
    args = ap.parse_args()

    warm = Pipeline()
    t0 = time.perf_counter()
    sources, _ = warm.read(args.paths)
    for s in sources:
        warm.process(s)
    warm.reconcile([])
    warmup = time.perf_counter() - t0

    p = Pipeline()
    p._registry = warm.registry  # the loaded gazetteer is reused, as in a long-lived process
    for _ in range(args.repeat):
        sources, _ = p.read(args.paths)
        claims = []
        for s in sources:
            claims.extend(p.process(s).claims)
        p.reconcile(claims)
    words = sum(len(s.text.split()) for s in sources)
    rows = {}
    for stage in ("ingest", "time", "entities", "claims"):
        secs = p.timings[stage] / args.repeat
        rows[stage] = {"seconds": round(secs, 4), "words_per_second": round(words / secs) if secs else None}
    rec = p.timings["reconcile"] / args.repeat
    rows["reconcile"] = {"seconds": round(rec, 4), "claims": len(claims), "claims_per_second": round(len(claims) / rec) if rec else None}
    total = sum(p.timings[s] for s in ("ingest", "time", "entities", "claims", "reconcile")) / args.repeat
    out = {
        "sources": len(sources),
        "words": words,
        "repeat": args.repeat,
        "warmup_seconds": round(warmup, 2),
        "stages": rows,
        "end_to_end_words_per_second": round(words / total) if total else None,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if args.json:
        print(json.dumps(out, indent=2))
        return
    print(f"{out['sources']} sources, {words} words, mean of {args.repeat} passes (warm-up {out['warmup_seconds']} s not counted)")
    for stage, r in rows.items():
        if stage == "reconcile":
            print(f"  {stage:10} {r['seconds']:8.4f} s  {r['claims_per_second'] or 0:>10,} claims/s ({r['claims']} claims)")
        else:
            print(f"  {stage:10} {r['seconds']:8.4f} s  {r['words_per_second'] or 0:>10,} words/s")
    print(f"  end to end {out['end_to_end_words_per_second']:,} words/s; peak RSS {out['peak_rss_mb']} MB")


if __name__ == "__main__":
    main()
