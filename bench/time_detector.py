"""A learned TIMEX3 span detector for Spanish (issue 4): does it add value F1 to the rules?

A small spaCy NER (blank("es"), hash-embedding CNN tok2vec, CPU) is trained on the TIMEX3
spans of the Spanish TempEval-3 train set (../shared/data/tempeval3/es-train/train.tsv,
read with chronicon.time._tempeval.tsv_documents) and measured by k-fold
cross-validation over the train documents (the test set is not used): train on k-1
folds, tag the held-out fold with the rules alone and with rules + detector (detector
spans added only where no rule span overlaps them), score both with our TempEval scorer.

A detector span gets its value from, in order:
  1. the rule grammar applied to the span text alone (with the document date);
  2. dateparser (Spanish, the document date as the relative base), at the granularity
     dateparser reports (day, month, year);
  3. nothing (an empty value: counted as a wrong value).

    python bench/time_detector.py cv [--folds 5] [--epochs 15]
    python bench/time_detector.py speed          # tokens/s of the detector alone (CPU)

Not shipped: see chronicon/time/TEMPEVAL.md ("Learned span detector: measured, not kept").
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TSV = ROOT.parent / "shared" / "data" / "tempeval3" / "es-train" / "train.tsv"

MODEL = {
    "@architectures": "spacy.TransitionBasedParser.v2",
    "state_type": "ner", "extra_state_tokens": False, "hidden_width": 64,
    "maxout_pieces": 2, "use_upper": True, "nO": None,
    "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None,
                "width": 64, "depth": 2, "embed_size": 2000, "window_size": 1,
                "maxout_pieces": 3, "subword_features": True},
}


def load_docs():
    """(docid, dct, text, gold Timex list) per train document; text = the TEXT, tags removed."""
    from chronicon.time._tempeval import timexes as gold_timexes, tsv_documents
    from chronicon.time.timeml import read_timeml

    out = []
    for name, gx, ix in tsv_documents(TSV, "estrain"):
        text, gold = gold_timexes(gx)
        doc = read_timeml(ix)
        assert doc.text == text, name
        out.append((name, doc.dct, text, gold))
    return out


def new_nlp():
    import spacy

    nlp = spacy.blank("es")
    nlp.add_pipe("ner", config={"model": MODEL})
    return nlp


def to_examples(nlp, docs):
    from spacy.training import Example

    exs = []
    for _, _, text, gold in docs:
        d = nlp.make_doc(text)
        ents = []
        for g in gold:
            sp = d.char_span(g.start, g.end, label=g.type, alignment_mode="expand")
            if sp is not None and not any(sp.start < e.end and e.start < sp.end for e in ents):
                ents.append(sp)
        exs.append(Example.from_dict(d, {"entities": [(e.start_char, e.end_char, e.label_) for e in ents]}))
    return exs


def train(docs, epochs: int, seed: int = 0):
    import spacy
    from spacy.util import minibatch

    spacy.util.fix_random_seed(seed)
    nlp = new_nlp()
    exs = to_examples(nlp, docs)
    nlp.initialize(lambda: exs)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(exs)
        losses = {}
        for batch in minibatch(exs, size=8):
            nlp.update(batch, drop=0.2, losses=losses)
    return nlp


def _value(span: str, dct: str, ddp):
    from chronicon.time.timeml import timexes

    found = timexes(span, "es", dct)
    if len(found) == 1 and found[0].value:
        return found[0].value, "rules"
    if ddp is not None:
        import datetime as dt

        base = dt.datetime.fromisoformat(dct)
        dd = ddp.get_date_data(span)
        if dd and dd.date_obj:
            d, per = dd.date_obj, dd.period
            val = {"year": f"{d:%Y}", "month": f"{d:%Y-%m}"}.get(per, f"{d:%Y-%m-%d}")
            del base
            return val, "dateparser"
    return "", "none"


def system(nlp, docs, ddp, stats):
    """Rule timexes and rule + detector timexes for each document."""
    from chronicon.time._tempeval import Timex
    from chronicon.time.timeml import timexes

    rules_only, combined, valued = [], [], []
    for _, dct, text, _ in docs:
        r = [Timex(e.start, e.end, e.text, e.type, e.value) for e in timexes(text, "es", dct)]
        rules_only.append(r)
        extra = []
        if nlp is not None:
            for ent in nlp(text).ents:
                s, e = ent.start_char, ent.end_char
                if any(x.start < e and s < x.end for x in r):
                    continue
                val, how = _value(ent.text, dct, ddp)
                stats[how] = stats.get(how, 0) + 1
                extra.append(Timex(s, e, ent.text, ent.label_, val))
        combined.append(sorted(r + extra, key=lambda t: t.start))
        valued.append(sorted(r + [x for x in extra if x.value], key=lambda t: t.start))
    return rules_only, combined, valued


def cv(folds: int, epochs: int, use_dateparser: bool = True) -> None:
    from chronicon.time._tempeval import Counts, compare, scores

    docs = load_docs()
    ddp = None
    if use_dateparser:
        from dateparser.date import DateDataParser

        ddp = DateDataParser(languages=["es"], settings={"PREFER_DATES_FROM": "current_period"})
    order = list(range(len(docs)))
    random.Random(13).shuffle(order)
    tot_r, tot_c, tot_v, stats = Counts(), Counts(), Counts(), {}
    for k in range(folds):
        held = [docs[i] for i in order[k::folds]]
        rest = [docs[i] for j, i in enumerate(order) if j % folds != k]
        t0 = time.process_time()
        nlp = train(rest, epochs)
        t1 = time.process_time()
        r, c, v = system(nlp, held, ddp, stats)
        fr, fc, fv = Counts(), Counts(), Counts()
        for d, rr, cc, vv in zip(held, r, c, v):
            fr.add(compare(d[3], rr, d[0]))
            fc.add(compare(d[3], cc, d[0]))
            fv.add(compare(d[3], vv, d[0]))
        tot_r.add(fr)
        tot_c.add(fc)
        tot_v.add(fv)
        sr, sc, sv = scores(fr), scores(fc), scores(fv)
        print(f"fold {k + 1}/{folds}: {len(held)} docs, trained in {t1 - t0:.0f} s CPU; value F1 rules "
              f"{sr['value_f1']:.2f} -> +detector {sc['value_f1']:.2f}, +detector (valued spans only) "
              f"{sv['value_f1']:.2f}", flush=True)
    keys = ("strict_precision", "strict_recall", "strict_f1", "relaxed_precision", "relaxed_recall",
            "relaxed_f1", "value_f1", "type_accuracy", "system")
    for label, t in (("rules", tot_r), ("rules+detector", tot_c), ("+det. valued", tot_v)):
        s = scores(t)
        print(f"{label:15s} " + "  ".join(f"{k}={s[k]}" for k in keys))
    print("detector spans added, value from:", stats)


def speed(epochs: int) -> None:
    docs = load_docs()
    nlp = train(docs[:40], 2)
    texts = [d[2] for d in docs]
    tokens = sum(len(t.split()) for t in texts)
    best = float("inf")
    for _ in range(3):
        c0 = time.process_time()
        for t in texts:
            nlp(t)
        best = min(best, time.process_time() - c0)
    print(f"detector alone: {tokens} tokens in {best:.2f} s CPU = {tokens / best:,.0f} tokens/s")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        nlp.to_disk(tmp)
        size = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file())
    print(f"model on disk: {size / 1e6:.2f} MB")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=["cv", "speed"])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--no-dateparser", action="store_true")
    a = ap.parse_args()
    if a.what == "cv":
        cv(a.folds, a.epochs, not a.no_dateparser)
    else:
        speed(a.epochs)
