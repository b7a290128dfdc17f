"""`chronicon bench reconcile`: synthetic truth -> clustering and verdict accuracy, and scale (issue 6).

The claims come from :mod:`chronicon.reconcile.synthetic` (events with known truth
rendered by many sources, with every kind of disagreement). Generation runs
outside the timed part; the time and the peak resident memory are those of
``reconcile`` itself plus everything already in memory (the claims).
"""

from __future__ import annotations

import gc
import json
import resource
import sys
import time
from typing import Optional

import typer

from ._app import guarded, out
from ._bench import bench_app


def _peak_rss_mb() -> float:
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kb / (1024 * 1024) if sys.platform == "darwin" else kb / 1024, 1)


def run_bench(claims: Optional[int], events: Optional[int], seed: int) -> dict:
    from ..reconcile import _default_country_of, reconcile
    from ..reconcile.synthetic import generate, score

    # Warm what any long-running reconcile has loaded once: the gazetteer (for the
    # countries of places) and the transliteration keys' module.
    country_of = _default_country_of()
    country_of("Moscow", None)
    t0 = time.perf_counter()
    data, truth = generate(claims=claims, events=events, seed=seed)
    gen_s = time.perf_counter() - t0
    gc.collect()
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    result = reconcile(data, country_of=country_of)
    seconds = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    peak = _peak_rss_mb()
    figures = score(result, truth)
    n = len(data)
    return {
        "claims": n,
        "events": len(result),
        "seed": seed,
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "claims_per_second": round(n / seconds) if seconds else None,
        "peak_rss_mb": peak,
        "generation_seconds": round(gen_s, 2),
        **figures,
    }


def _print(r: dict) -> None:
    b = r["bcubed"]
    c = r["contradiction"]
    out.print(
        f"[bold]{r['claims']:,} claims[/bold] -> {r['events']:,} events (gold {r['gold_events']:,}), seed {r['seed']}",
        highlight=False,
    )
    out.print(
        f"  time       {r['seconds']} s ({r['cpu_seconds']} s CPU), {r['claims_per_second']:,} claims/s, "
        f"peak RSS {r['peak_rss_mb']} MB (generation {r['generation_seconds']} s, not timed)",
        highlight=False,
    )
    out.print(f"  B-cubed    P {b['precision']:.4f}  R {b['recall']:.4f}  F1 {b['f1']:.4f}", highlight=False)
    out.print("  verdicts   " + "  ".join(f"{k} {v:.3f}" for k, v in r["verdict_accuracy"].items()), highlight=False)
    out.print(
        "  scenarios  " + "  ".join(f"{k} {v:.3f}" for k, v in r["verdict_accuracy_by_scenario"].items()),
        highlight=False,
    )
    out.print(
        f"  contradiction  P {c['precision']}  R {c['recall']}  reason right {c['reason_accuracy']}; "
        f"best date right {r['best_date_accuracy']}; reports linked {r['reports_linked']}",
        highlight=False,
    )


@bench_app.command("reconcile")
@guarded
def bench_reconcile(
    claims: Optional[int] = typer.Option(None, "--claims", help="About this many claims (default 10,000)."),
    events: Optional[int] = typer.Option(None, "--events", help="Or: this many true events."),
    seed: int = typer.Option(0, "--seed", help="Seed of the generator (same seed, same claims)."),
    scale: bool = typer.Option(False, "--scale", help="Run 10k, 100k and 1M claims, to show the growth."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object (a list with --scale)."),
) -> None:
    """Reconcile synthetic claims with known truth: B-cubed, verdict accuracy per kind,
    contradiction precision/recall, and claims, seconds, claims_per_second, peak_rss_mb."""
    if claims is not None and claims < 1 or events is not None and events < 1:
        raise typer.BadParameter("--claims and --events must be positive")
    if scale:
        # Each size in a fresh process, so that peak RSS is that size's own.
        import subprocess

        results = []
        for n in (10_000, 100_000, 1_000_000):
            cmd = [sys.executable, "-m", "chronicon.cli._bench_reconcile", str(n), str(seed)]
            proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
            r = json.loads(proc.stdout)
            results.append(r)
            if not as_json:
                _print(r)
        if as_json:
            out.print_json(data=results)
        return
    if claims is None and events is None:
        claims = 10_000
    r = run_bench(claims, events, seed)
    if as_json:
        sys.stdout.write(json.dumps(r) + "\n")
    else:
        _print(r)


if __name__ == "__main__":  # one size, for --scale
    print(json.dumps(run_bench(int(sys.argv[1]), None, int(sys.argv[2]))))
