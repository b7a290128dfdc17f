"""Score a reconcile output against a gold file (the form of shared/data/dev/seeds_gold.yaml).

Figures:

- **date recall**: share of gold claims matched one-to-one by a system claim of the
  same source with the same EDTF date;
- **full recall**: the same with type and subject also equal (subjects compared by
  the entities stage's transliteration-insensitive key);
- **precision**: share of system claims (from the gold's sources, quantities aside)
  that match a gold claim by source, date and type;
- **clustering**: B-cubed precision, recall and F1 of the system's events over the
  gold claims that were matched, against the gold ``event`` ids;
- **quantities**: recall and precision of ``quantity`` claims matched by source and value;
- **verdict accuracy**: share of gold ``conflicts`` judged right: the matched claims
  in one system event with the gold verdict (``not_same_event``: in different
  events, or in one event that is not called a contradiction).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

from .errors import ChroniconError, error


class EvaluationError(ChroniconError):
    pass


def _key(name: Optional[str]) -> str:
    if not name:
        return ""
    try:
        from .entities import translit_key

        return translit_key(name)
    except Exception:  # noqa: BLE001 - fall back to a plain key
        return name.strip().lower()


def _same_subject(gold: str, system: str, registry) -> bool:
    """One subject: same key, same registry entity, or one person by reconcile's own
    rule (:func:`chronicon.reconcile._cluster.person_keys` over the pair: "Ludwig XVI."
    and "Louis XVI", "Lev Trotsky" and "Léon Trotsky"). Two regnal numbers that differ
    are two people whatever the keys say (Alexander II and III, Pedro I and II)."""
    a, b = _number(gold), _number(system)
    if a and b and a != b:
        return False
    if _key(gold) == _key(system):
        return True
    if registry is not None:
        ea = registry.resolve(gold)
        eb = registry.resolve(system)
        if ea is not None and eb is not None and ea.id == eb.id:
            return True
    return _same_person(gold, system)


@lru_cache(maxsize=50_000)
def _number(name: Optional[str]) -> str:
    """The regnal number of a name in any notation ("Pierre Ier", "Ludwig XVI."), or ""."""
    if not name:
        return ""
    try:
        from .reconcile._cluster import _parse, _ruler, _written_words

        ruler = _ruler(name)
        if ruler is not None:
            return ruler[1]
        return _parse(_written_words(name))[2]
    except Exception:  # noqa: BLE001 - without reconcile's name rules, no numbers
        return ""


@lru_cache(maxsize=50_000)
def _same_person(gold: Optional[str], system: Optional[str]) -> bool:
    if not gold or not system:
        return False
    try:
        from .reconcile._cluster import label_key, person_keys
    except Exception:  # noqa: BLE001
        return False
    a, b = label_key(gold), label_key(system)
    if a == b:
        return True
    same = person_keys((gold, system))
    return same.get(a, a) == same.get(b, b)


def _norm_date(d: Any) -> Optional[str]:
    if d is None:
        return None
    return str(d).strip().replace(" ", "")


@dataclass
class Report:
    gold_claims: int
    system_claims: int
    date_recall: float
    full_recall: float
    precision: float
    date_precision: float
    bcubed_precision: float
    bcubed_recall: float
    bcubed_f1: float
    verdicts_total: int
    verdicts_right: int
    verdict_accuracy: float
    quantities_total: int = 0
    quantity_recall: float = 0.0
    quantity_precision: float = 0.0
    verdict_rows: list[dict] = field(default_factory=list)
    missed: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = dict(self.__dict__)
        return d


_RANK = {"agree": 0, "compatible": 1, "calendar_style": 2, "contradiction": 3}


def _pair_verdict(event: dict, claim_ids: list[str], claim_by_id: dict) -> str:
    """The verdict between just these claims of an event: the worst of their date
    pairs (from the event's ``comparisons``). Each claim is taken at the date row of
    the event that holds it (an unmarked date the reconciler read as Old Style sits
    at its Gregorian day). Claims at one day agree when all wrote it in one calendar,
    and are a calendar style when some wrote it Old Style and some not."""
    row_of = {cid: row for row in event.get("dates") or [] for cid in row.get("claims") or []}
    dates, styles = set(), set()
    for c in claim_ids:
        if c not in claim_by_id:
            continue
        row = row_of.get(c)
        dates.add(row["date"] if row else claim_by_id[c].get("date"))
        old = (c in (row.get("old_style") or []) if row and "old_style" in row
               else claim_by_id[c].get("calendar") == "julian")
        styles.add(old)
    if len(dates) == 1:
        return "calendar_style" if len(styles) > 1 else "agree"
    worst = None
    for comp in event.get("comparisons") or []:
        if set(comp["dates"]) <= dates:
            if worst is None or _RANK[comp["verdict"]] > _RANK[worst]:
                worst = comp["verdict"]
    return worst or event["verdict"]


def load_gold(path: str | Path) -> dict:
    try:
        data = yaml.safe_load(Path(path).read_text("utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise error(EvaluationError, "E502", str(path), detail=str(e).splitlines()[0]) from None
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        raise error(EvaluationError, "E502", str(path), detail="no 'claims:' list")
    return data


def load_output(path: str | Path) -> dict:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise error(EvaluationError, "E401", str(path), detail=str(e)) from None
    if not isinstance(data, dict) or "claims" not in data or "events" not in data:
        raise error(EvaluationError, "E401", str(path), detail="expected an object with 'events' and 'claims'")
    return data


def evaluate(gold: dict, output: dict) -> Report:
    try:
        from .entities import default_registry

        registry = default_registry()
    except Exception:  # noqa: BLE001
        registry = None
    gclaims = [g for g in gold["claims"] if g.get("date") is not None]
    gsources = {g["source"] for g in gclaims}
    sclaims = [c for c in output["claims"] if c.get("type") != "quantity" and c.get("source") in gsources]
    by_src_date: dict[tuple, list[dict]] = defaultdict(list)
    for c in sclaims:
        by_src_date[(c["source"], _norm_date(c.get("date")))].append(c)

    def candidates(g: dict) -> list[dict]:
        """System claims of the gold claim's source with its date, or with the date
        as the source wrote it when the gold marks an Old Style date (``julian_date``):
        a system that reports the written date and flags the calendar in reconcile
        is right too."""
        out = list(by_src_date.get((g["source"], _norm_date(g["date"])), []))
        if g.get("julian_date"):
            out += by_src_date.get((g["source"], _norm_date(g["julian_date"])), [])
        return out

    # One-to-one matching, full matches first, then date-only.
    full: dict[str, str] = {}
    dated: dict[str, str] = {}
    used_full: set[str] = set()
    used_date: set[str] = set()
    for g in gclaims:
        for c in candidates(g):
            if c["id"] in used_full:
                continue
            if c["type"] == g["type"] and _same_subject(g["subject"], c["subject"], registry):
                full[g["id"]] = c["id"]
                used_full.add(c["id"])
                break
    for g in gclaims:
        if g["id"] in full:
            dated[g["id"]] = full[g["id"]]
            used_date.add(full[g["id"]])
    for g in gclaims:
        if g["id"] in dated:
            continue
        cands = [c for c in candidates(g) if c["id"] not in used_date]
        cands.sort(key=lambda c: (c["type"] != g["type"], not _same_subject(g["subject"], c["subject"], registry)))
        if cands:
            dated[g["id"]] = cands[0]["id"]
            used_date.add(cands[0]["id"])

    # Precision: system claims matching a gold claim by source, date and type.
    gold_keys = defaultdict(int)
    gold_dates = defaultdict(int)
    for g in gclaims:
        for d in {_norm_date(g["date"]), _norm_date(g.get("julian_date"))} - {None}:
            gold_keys[(g["source"], d, g["type"])] += 1
            gold_dates[(g["source"], d)] += 1
    good = good_date = 0
    for c in sclaims:
        k = (c["source"], _norm_date(c.get("date")), c["type"])
        if gold_keys.get(k, 0) > 0:
            gold_keys[k] -= 1
            good += 1
        kd = (c["source"], _norm_date(c.get("date")))
        if gold_dates.get(kd, 0) > 0:
            gold_dates[kd] -= 1
            good_date += 1

    # Clustering: B-cubed over matched gold claims.
    event_of: dict[str, str] = {}
    for e in output["events"]:
        for cid in e["claims"]:
            event_of[cid] = e["id"]
    items = [(g["event"], event_of.get(dated[g["id"]], "none:" + dated[g["id"]])) for g in gclaims if g["id"] in dated and g.get("event")]
    bp = br = 0.0
    for gi, si in items:
        same_sys = [x for x in items if x[1] == si]
        same_gold = [x for x in items if x[0] == gi]
        bp += sum(1 for x in same_sys if x[0] == gi) / len(same_sys)
        br += sum(1 for x in same_gold if x[1] == si) / len(same_gold)
    n = len(items) or 1
    bp, br = bp / n, br / n
    bf = 2 * bp * br / (bp + br) if bp + br else 0.0

    # Verdicts.
    ev_by_id = {e["id"]: e for e in output["events"]}
    claim_by_id = {c["id"]: c for c in output["claims"]}
    rows = []
    right = 0
    for conf in gold.get("conflicts") or []:
        ids = list((conf.get("claims") or {}).keys())
        want = conf.get("verdict")
        sys_claims = [dated.get(i) for i in ids]
        evs = {event_of.get(c) for c in sys_claims if c}
        got = None
        ok = False
        if None in sys_claims or not ids:
            got = "claims not found"
        elif want == "not_same_event":
            if len(evs) > 1:
                got, ok = "separate events", True
            else:
                got = ev_by_id[evs.pop()]["verdict"] if evs and None not in evs else "claims not found"
                ok = got not in ("contradiction", "claims not found")
        elif len(evs) != 1 or None in evs:
            got = "split over events"
        else:
            got = _pair_verdict(ev_by_id[evs.pop()], sys_claims, claim_by_id)
            ok = got == want
        right += ok
        rows.append({"event": conf.get("event"), "claims": ids, "want": want, "got": got, "ok": ok})

    # Quantities: matched by source and value (one to one).
    gq = [q for q in gold.get("quantities") or [] if q.get("value") is not None]
    sq = [c for c in output["claims"] if c.get("type") == "quantity" and c.get("source") in ({q["source"] for q in gq} | gsources)]
    pool = defaultdict(int)
    for c in sq:
        pool[(c["source"], float((c.get("quantity") or {}).get("value", "nan")))] += 1
    q_hit = 0
    for q in gq:
        k = (q["source"], float(q["value"]))
        if pool.get(k, 0) > 0:
            pool[k] -= 1
            q_hit += 1
    q_keys = {(q["source"], float(q["value"])) for q in gq}
    q_good = sum(1 for c in sq if (c["source"], float((c.get("quantity") or {}).get("value", "nan"))) in q_keys)

    missed = [
        {"id": g["id"], "source": g["source"], "type": g["type"], "date": g["date"], "date_text": g.get("date_text")}
        for g in gclaims
        if g["id"] not in dated
    ]
    ng = len(gclaims) or 1
    ns = len(sclaims) or 1
    return Report(
        gold_claims=len(gclaims),
        system_claims=len(sclaims),
        date_recall=round(len(dated) / ng, 3),
        full_recall=round(len(full) / ng, 3),
        precision=round(good / ns, 3),
        date_precision=round(good_date / ns, 3),
        bcubed_precision=round(bp, 3),
        bcubed_recall=round(br, 3),
        bcubed_f1=round(bf, 3),
        verdicts_total=len(rows),
        verdicts_right=right,
        verdict_accuracy=round(right / (len(rows) or 1), 3),
        quantities_total=len(gq),
        quantity_recall=round(q_hit / (len(gq) or 1), 3),
        quantity_precision=round(q_good / (len(sq) or 1), 3),
        verdict_rows=rows,
        missed=missed,
    )


# ---------------------------------------------------------------------------------------
# Sentence-level gold (bench/gold/claims_multilingual.yaml): per language.


def evaluate_sentences(items: list[dict], extract) -> dict:
    """Score ``extract(text, lang) -> [claim dicts]`` on sentence items with their claims.

    Per language: date recall, full recall (date + type + subject), precision (system
    claims whose date and type match a gold claim of the item), and trap accuracy
    (items with no claim where the system gives none)."""
    try:
        from .entities import default_registry

        registry = default_registry()
    except Exception:  # noqa: BLE001
        registry = None
    per: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    rows = []
    for it in items:
        lang = it["lang"]
        gold = [g for g in it.get("claims") or [] if g.get("date") is not None]
        sys_claims = [c for c in extract(it["text"], lang) if c.get("type") != "quantity"]
        st = per[lang]
        st["items"] += 1
        st["gold"] += len(gold)
        st["system"] += len(sys_claims)
        used_full, used_date, used_prec = set(), set(), set()
        for g in gold:
            gdates = {_norm_date(g["date"]), _norm_date(g.get("julian_date"))} - {None}
            for i, c in enumerate(sys_claims):
                if i not in used_full and _norm_date(c.get("date")) in gdates and c["type"] == g["type"] and _same_subject(
                    g["subject"], c["subject"], registry
                ):
                    used_full.add(i)
                    st["full"] += 1
                    break
            for i, c in enumerate(sys_claims):
                if i not in used_date and _norm_date(c.get("date")) in gdates:
                    used_date.add(i)
                    st["dated"] += 1
                    break
        for i, c in enumerate(sys_claims):
            for g in gold:
                gdates = {_norm_date(g["date"]), _norm_date(g.get("julian_date"))} - {None}
                if _norm_date(c.get("date")) in gdates and c["type"] == g["type"]:
                    used_prec.add(i)
                    break
        st["precise"] += len(used_prec)
        if not gold:
            st["traps"] += 1
            st["traps_right"] += int(not sys_claims)
        rows.append({"id": it.get("id"), "lang": lang, "gold": len(gold), "found": len(used_full), "spurious": len(sys_claims) - len(used_prec)})
    out = {}
    for lang, st in sorted(per.items()):
        out[lang] = {
            "items": st["items"],
            "gold_claims": st["gold"],
            "system_claims": st["system"],
            "date_recall": round(st["dated"] / (st["gold"] or 1), 3),
            "full_recall": round(st["full"] / (st["gold"] or 1), 3),
            "precision": round(st["precise"] / (st["system"] or 1), 3),
            "traps": st["traps"],
            "trap_accuracy": round(st["traps_right"] / (st["traps"] or 1), 3),
        }
    return {"languages": out, "rows": rows}
