"""Adding one source to a large store: incremental update vs full reconcile.

    python bench/incremental.py [--claims 100000] [--seed 0] [--json]

Synthetic claims (``chronicon.reconcile.synthetic``) are reconciled once; then the
claims of one source are held back and added, and the time of
``reconcile.update`` (only the events of the people that source touches) is set
against a full ``reconcile`` of every claim. Both results are checked to be the
same events (by their claims). One core; reconcile only, no SQLite.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chronicon.reconcile import reconcile, update  # noqa: E402
from chronicon.reconcile.synthetic import generate  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    claims, truth = generate(claims=args.claims, seed=args.seed)
    per_source = Counter(c.source for c in claims)
    # A typical source: the median number of claims.
    new_source = sorted(per_source, key=lambda s: (per_source[s], s))[len(per_source) // 2]
    old = [c for c in claims if c.source != new_source]
    stored = reconcile(old, country_of=truth.country_of)

    t0 = time.perf_counter()
    change = update(stored, claims, {new_source}, country_of=truth.country_of)
    t_update = time.perf_counter() - t0
    t0 = time.perf_counter()
    full = reconcile(claims, country_of=truth.country_of)
    t_full = time.perf_counter() - t0

    after = [e for e in stored if e.id not in set(change.removed)] + change.events
    same = {frozenset(e.claims) for e in after} == {frozenset(e.claims) for e in full}
    out = {
        "claims": len(claims),
        "new_source_claims": per_source[new_source],
        "events": len(full),
        "events_rebuilt": len(change.events),
        "events_kept": change.kept,
        "update_seconds": round(t_update, 3),
        "full_seconds": round(t_full, 3),
        "speedup": round(t_full / t_update, 1) if t_update else None,
        "same_events": same,
    }
    if args.json:
        print(json.dumps(out))
    else:
        for k, v in out.items():
            print(f"{k:>20}: {v}")
    if not same:
        sys.exit("the incremental result differs from the full reconciliation")


if __name__ == "__main__":
    main()
