-- Chronicon store, schema version 2 (a new store is created from this file; an
-- older store is brought up to date by the migrations in _sqlite.py).
-- One SQLite file is the whole state: sources as read, their claims, entities,
-- the events of the last reconciliation and the links between them.
-- Opens as is in Datasette (`datasette chronicon.db`).

CREATE TABLE IF NOT EXISTS sources (
    id          TEXT PRIMARY KEY,            -- file stem (disambiguated if two files share one)
    path        TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE,        -- of the text as read: re-adding a source is a no-op
    lang        TEXT NOT NULL,
    format      TEXT NOT NULL,               -- txt, md, html, tei
    title       TEXT,
    encoding    TEXT,
    dct         TEXT,                        -- document date (EDTF), when known
    n_words     INTEGER NOT NULL,
    text        TEXT NOT NULL,               -- the text offsets point into
    notes       TEXT NOT NULL DEFAULT '[]',  -- JSON list of ingest notes
    added_at    TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS sentences (
    source_id   TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    lang        TEXT NOT NULL,
    heading     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (source_id, idx)
);

CREATE TABLE IF NOT EXISTS entities (
    id          TEXT PRIMARY KEY,
    label       TEXT NOT NULL,
    kind        TEXT NOT NULL,               -- person, place, organization, work, other
    aliases     TEXT NOT NULL DEFAULT '[]',  -- JSON
    ids         TEXT NOT NULL DEFAULT '{}'   -- JSON: geonameid, country, wikidata...
);

CREATE TABLE IF NOT EXISTS mentions (
    source_id   TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    entity_id   TEXT,                        -- NULL when not resolved
    label       TEXT,
    how         TEXT,
    PRIMARY KEY (source_id, start, "end")
);

CREATE TABLE IF NOT EXISTS claims (
    id          TEXT PRIMARY KEY,            -- <source id>#c<n>
    source_id   TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL,
    type        TEXT NOT NULL,
    subject     TEXT NOT NULL,
    subject_text TEXT,
    object      TEXT,
    place       TEXT,
    date        TEXT,                        -- EDTF
    date_text   TEXT,
    qualifier   TEXT,
    calendar    TEXT NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL,
    quote       TEXT NOT NULL,
    confidence  REAL NOT NULL,
    facet       TEXT,
    quantity    TEXT,                        -- JSON or NULL
    extra       TEXT NOT NULL DEFAULT '{}'   -- JSON: the claim's other fields
);

CREATE TABLE IF NOT EXISTS runs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    command     TEXT NOT NULL,
    config      TEXT NOT NULL DEFAULT '{}',  -- JSON snapshot of the settings used
    sources_added INTEGER NOT NULL DEFAULT 0,
    sources_skipped INTEGER NOT NULL DEFAULT 0,
    problems    TEXT NOT NULL DEFAULT '[]',  -- JSON list of one-line problems
    events_rebuilt INTEGER,                  -- events (re)built by this run (v2)
    events_kept INTEGER                      -- stored events this run left as they were (v2)
);

CREATE TABLE IF NOT EXISTS events (
    id          TEXT PRIMARY KEY,
    run_id      INTEGER REFERENCES runs(id),
    type        TEXT NOT NULL,
    subject     TEXT NOT NULL,
    object      TEXT,
    place       TEXT,
    verdict     TEXT NOT NULL,
    explanation TEXT NOT NULL,
    best_date   TEXT,
    best_date_text TEXT,
    gap_days    INTEGER,
    likely_reason TEXT,
    dates       TEXT NOT NULL DEFAULT '[]',  -- JSON list of {date, sources, claims, calendar, facet}
    related     TEXT NOT NULL DEFAULT '[]',  -- JSON list of event ids
    comparisons TEXT NOT NULL DEFAULT '[]'   -- JSON: each pair of dates with its verdict
);

CREATE TABLE IF NOT EXISTS event_claims (
    event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    claim_id    TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, claim_id)
);

CREATE INDEX IF NOT EXISTS claims_source ON claims(source_id);
CREATE INDEX IF NOT EXISTS claims_subject_type ON claims(subject, type);
CREATE INDEX IF NOT EXISTS claims_date ON claims(date);
CREATE INDEX IF NOT EXISTS events_verdict ON events(verdict);
CREATE INDEX IF NOT EXISTS events_subject ON events(subject);
CREATE INDEX IF NOT EXISTS event_claims_claim ON event_claims(claim_id);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
