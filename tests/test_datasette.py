"""The store opens as is in Datasette (from PyPI): its JSON API lists the tables,
and SQL over claims and events works (issue 7).

Uses Datasette's in-process client (``datasette.client``, HTTPX over ASGI), run
with ``asyncio.run``: no server, no port, no pytest-asyncio.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

import chronicon

pytest.importorskip("datasette")
from datasette.app import Datasette  # noqa: E402

TABLES = {"sources", "claims", "events", "event_claims", "entities", "mentions", "runs", "sentences"}

EN = (
    "Leon Trotsky was born on 7 November 1879 in Yanovka. "
    "Vladimir Lenin died on 21 January 1924 at Gorki. "
    "Maxim Gorky was arrested in Saint Petersburg on 24 January 1905.\n"
)
ES = (
    "Lenin murió el 21 de enero de 1924. "
    "Mijaíl Frunze murió en Moscú el 31 de octubre de 1925.\n"
)
FR = "Mikhaïl Frounze est mort à Moscou le 31 octobre 1926.\n"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("datasette")
    paths = []
    for name, text in (("story_en.txt", EN), ("historia_es.txt", ES), ("histoire_fr.txt", FR)):
        (root / name).write_text(text, "utf-8")
        paths.append(root / name)
    db = root / "c.db"
    result = chronicon.Pipeline().run(paths, db=db)
    assert not result.problems and len(result.documents) == 3
    return db


def get_all(db: Path, *requests: tuple[str, dict]) -> list:
    """GET each (path, params) from a Datasette over ``db``; the JSON bodies, in order."""

    async def run():
        ds = Datasette(files=[str(db)])
        await ds.invoke_startup()
        bodies = []
        for path, params in requests:
            r = await ds.client.get(path, params=params)
            assert r.status_code == 200, (path, params, r.status_code, r.text[:300])
            bodies.append(r.json())
        return bodies

    return asyncio.run(run())


def test_json_api_lists_the_tables(store):
    (body,) = get_all(store, ("/c.json", {}))
    tables = {t["name"]: t for t in body["tables"]}
    assert TABLES <= set(tables)
    assert tables["sources"]["count"] == 3
    assert tables["claims"]["count"] == 6
    # Datasette sees the foreign keys: claims -> sources, event_claims -> claims and events.
    out = {(fk["other_table"], fk["column"]) for fk in tables["claims"]["foreign_keys"]["outgoing"]}
    assert ("sources", "source_id") in out
    out = {fk["other_table"] for fk in tables["event_claims"]["foreign_keys"]["outgoing"]}
    assert {"claims", "events"} <= out


def test_sql_over_claims(store):
    by_type, per_source = get_all(
        store,
        ("/c.json", {"sql": "select type, count(*) as n from claims group by type order by type", "_shape": "objects"}),
        ("/c.json", {
            "sql": "select source_id, lang, count(*) as n from claims where type = :t group by source_id order by source_id",
            "t": "death",
            "_shape": "objects",
        }),
    )
    assert by_type["ok"] is True
    assert by_type["rows"] == [{"type": "arrest", "n": 1}, {"type": "birth", "n": 1}, {"type": "death", "n": 4}]
    assert per_source["rows"] == [
        {"source_id": "histoire_fr", "lang": "fr", "n": 1},
        {"source_id": "historia_es", "lang": "es", "n": 2},
        {"source_id": "story_en", "lang": "en", "n": 1},
    ]


def test_sql_over_events_and_table_pages(store):
    verdicts, contradiction, claims = get_all(
        store,
        ("/c.json", {"sql": "select subject, type, verdict from events order by subject, type", "_shape": "objects"}),
        ("/c.json", {
            "sql": "select c.source_id, c.date from events e join event_claims ec on ec.event_id = e.id "
                   "join claims c on c.id = ec.claim_id where e.verdict = 'contradiction' order by c.date",
            "_shape": "objects",
        }),
        ("/c/claims.json", {"source_id": "story_en", "_shape": "array", "_sort": "id"}),
    )
    assert verdicts["rows"] == [
        {"subject": "Leon Trotsky", "type": "birth", "verdict": "single"},
        {"subject": "Maxim Gorky", "type": "arrest", "verdict": "single"},
        {"subject": "Mikhail Frunze", "type": "death", "verdict": "contradiction"},
        {"subject": "Vladimir Lenin", "type": "death", "verdict": "agree"},
    ]
    assert contradiction["rows"] == [
        {"source_id": "historia_es", "date": "1925-10-31"},
        {"source_id": "histoire_fr", "date": "1926-10-31"},
    ]
    assert [(c["type"], c["date"], c["lang"]) for c in claims] == [
        ("birth", "1879-11-07", "en"),
        ("death", "1924-01-21", "en"),
        ("arrest", "1905-01-24", "en"),
    ]
