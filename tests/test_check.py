"""Editor mode: `chronicon.check` and `chronicon check ARTICLE --against SOURCES...` (issue 7).

A small article of six dated claims against three small sources (en, es, fr):
one source agrees, one gives a finer date, one is vaguer than the article, one
gives the Old Style (Julian) date of an arrest in Saint Petersburg in 1905,
one contradicts (a year off by one), and nobody mentions the last claim.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import chronicon
from chronicon._check import check_article, md_escape, to_markdown
from chronicon.cli import app

ARTICLE = """# Revolutionaries and writers

Leon Trotsky was born on 7 November 1879 in Yanovka.
Vladimir Lenin died in January 1924 at Gorki, near Moscow.
Maxim Gorky was arrested in Saint Petersburg on 24 January 1905.
Mikhail Frunze died in Moscow on 31 October 1925, after an operation.
Joseph Stalin died on 5 March 1953.
Nikolai Bukharin was executed in Moscow on 15 March 1938.
"""
NOTES_EN = (
    "Leon Trotsky was born on 7 November 1879 on a farm in the south of the empire.\n"
    "Stalin, who had ruled for three decades, died in March 1953.\n"
)
RESUMEN_ES = (
    "Vladímir Lenin murió el 21 de enero de 1924 en Gorki.\n"
    "Mijaíl Frunze murió en Moscú el 31 de octubre de 1926.\n"
)
# 13 days before the article's date: the Julian calendar, still in use in Russia in 1905.
JOURNAL_FR = "Maxime Gorki fut arrêté à Saint-Pétersbourg le 11 janvier 1905.\n"

SOURCES = ("notes_en", "resumen_es", "journal_fr")

#: Article claim (subject, type) -> the expected categories.
EXPECTED = {
    ("Leon Trotsky", "birth"): {"support": ["notes_en"], "silent": ["resumen_es", "journal_fr"]},
    ("Vladimir Lenin", "death"): {"refine": ["resumen_es"], "silent": ["notes_en", "journal_fr"]},
    ("Maxim Gorky", "arrest"): {"explain": ["journal_fr"], "silent": ["notes_en", "resumen_es"]},
    ("Mikhail Frunze", "death"): {"contradict": ["resumen_es"], "silent": ["notes_en", "journal_fr"]},
    ("Joseph Stalin", "death"): {"refine": ["notes_en"], "silent": ["resumen_es", "journal_fr"]},
    ("Nikolai Bukharin", "execution"): {"silent": ["notes_en", "resumen_es", "journal_fr"]},
}

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("check")
    files = {
        "article": root / "article.md",
        "notes_en": root / "notes_en.txt",
        "resumen_es": root / "resumen_es.txt",
        "journal_fr": root / "journal_fr.txt",
    }
    for key, text in (("article", ARTICLE), ("notes_en", NOTES_EN), ("resumen_es", RESUMEN_ES), ("journal_fr", JOURNAL_FR)):
        files[key].write_text(text, "utf-8")
    return files


@pytest.fixture(scope="module")
def rows(corpus):
    return chronicon.check(corpus["article"], [corpus[s] for s in SOURCES])


def _row(rows, subject, type_):
    found = [r for r in rows if r.claim.subject == subject and r.claim.type == type_]
    assert len(found) == 1, [(r.claim.subject, r.claim.type) for r in rows]
    return found[0]


def test_public_api():
    assert chronicon.check is not None and "check" in chronicon.__all__ and "CheckRow" in chronicon.__all__
    assert chronicon.__all__ == sorted(chronicon.__all__)


def test_one_row_per_dated_claim(rows):
    assert [(r.claim.subject, r.claim.type) for r in rows] == list(EXPECTED)
    assert all(isinstance(r, chronicon.CheckRow) for r in rows)
    assert [r.date for r in rows] == ["1879-11-07", "1924-01", "1905-01-24", "1925-10-31", "1953-03-05", "1938-03-15"]
    assert _row(rows, "Maxim Gorky", "arrest").sentence == "Maxim Gorky was arrested in Saint Petersburg on 24 January 1905."
    assert _row(rows, "Vladimir Lenin", "death").date_text == "January 1924"


@pytest.mark.parametrize("key", list(EXPECTED), ids=[f"{s}-{t}" for s, t in EXPECTED])
def test_categories(rows, key):
    assert _row(rows, *key).categories == EXPECTED[key]


def test_support(rows):
    (sc,) = _row(rows, "Leon Trotsky", "birth").checks
    assert (sc.relation, sc.source, sc.date, sc.lang) == ("support", "notes_en", "1879-11-07", "en")
    assert "7 November 1879" in sc.quote


def test_refine_says_which_is_finer(rows):
    (lenin,) = _row(rows, "Vladimir Lenin", "death").checks
    assert (lenin.relation, lenin.finer, lenin.date, lenin.date_text) == ("refine", "source", "1924-01-21", "21 de enero de 1924")
    assert "21 January 1924 falls within January 1924" in lenin.note
    (stalin,) = _row(rows, "Joseph Stalin", "death").checks
    assert (stalin.relation, stalin.finer, stalin.date) == ("refine", "article", "1953-03")


def test_old_style_explains(rows):
    row = _row(rows, "Maxim Gorky", "arrest")
    (sc,) = row.checks
    assert (sc.relation, sc.date, sc.lang) == ("explain", "1905-01-11", "fr")
    assert "Julian (Old Style)" in sc.note and "13-day" in sc.note
    assert row.event.verdict == "calendar_style"


def test_contradiction_has_gap_and_reason(rows):
    row = _row(rows, "Mikhail Frunze", "death")
    (sc,) = row.checks
    assert (sc.relation, sc.date, sc.gap_days, sc.likely_reason) == ("contradict", "1926-10-31", 365, "year off by one")
    assert row.event.verdict == "contradiction"


def test_silent_everywhere(rows):
    row = _row(rows, "Nikolai Bukharin", "execution")
    assert row.checks == [] and row.silent == list(SOURCES)


def test_marked_old_style_date_explains(tmp_path):
    """A source that writes its date Old Style (converted by the time stage) explains, not supports."""
    (tmp_path / "a.txt").write_text("Maxim Gorky was arrested in Saint Petersburg on 24 January 1905.\n", "utf-8")
    (tmp_path / "os_en.txt").write_text("Gorky was arrested in Saint Petersburg on 11 January 1905 (Old Style).\n", "utf-8")
    (row,) = chronicon.check(tmp_path / "a.txt", [tmp_path / "os_en.txt"])
    (sc,) = row.checks
    assert sc.relation == "explain" and sc.date == "1905-01-24"
    assert "11 January 1905 in the Julian calendar" in sc.note


def test_markdown(rows):
    md = to_markdown(rows, title="article.md checked against 3 sources")
    lines = md.splitlines()
    assert lines[0] == "# article.md checked against 3 sources"
    headings = [ln for ln in lines if ln.startswith("## ")]
    assert headings == [
        "## 1. 7 November 1879 (birth: Leon Trotsky)",
        "## 2. January 1924 (death: Vladimir Lenin)",
        "## 3. 24 January 1905 (arrest: Maxim Gorky)",
        "## 4. 31 October 1925 (death: Mikhail Frunze)",
        "## 5. 5 March 1953 (death: Joseph Stalin)",
        "## 6. 15 March 1938 (execution: Nikolai Bukharin)",
    ]
    bullets = [ln for ln in lines if ln.startswith("- ")]
    assert bullets[0] == (
        "- **supports**: notes\\_en (en), 7 November 1879: "
        "“Leon Trotsky was born on 7 November 1879 on a farm in the south of the empire.”"
    )
    assert "- **refines**: resumen\\_es (es), 21 de enero de 1924 = 21 January 1924; finer date: " in md
    assert any(b.startswith("- **explains (Old Style / New Style)**: journal\\_fr (fr), 11 janvier 1905 = 11 January 1905;") for b in bullets)
    assert any(b.startswith("- **contradicts**: resumen\\_es (es), 31 de octubre de 1926 = 31 October 1926; "
                            "365 days apart, likely year off by one: “Mijaíl Frunze") for b in bullets)
    assert "coarser date; the article's is finer" in md
    assert bullets[-1] == "- **silent**: notes\\_en, resumen\\_es, journal\\_fr"
    assert sum(b.startswith("- **silent**") for b in bullets) == 6


def test_markdown_escapes_quotes():
    assert md_escape("a *b* _c_ [d](e) <script> `f` # | ~ \\ !") == (
        "a \\*b\\* \\_c\\_ \\[d\\](e) \\<script\\> \\`f\\` \\# \\| \\~ \\\\ \\!"
    )
    assert md_escape("two\nlines") == "two lines"


def test_with_store(corpus, tmp_path):
    db = tmp_path / "c.db"
    result = check_article(corpus["article"], [corpus[s] for s in SOURCES], db=db)
    assert [r.categories for r in result.rows] == list(EXPECTED.values())
    with chronicon.Store(db, readonly=True) as st:
        assert st.counts()["sources"] == 4
    again = check_article(corpus["article"], [corpus[s] for s in SOURCES], db=db)  # all already stored
    assert [r.categories for r in again.rows] == list(EXPECTED.values())
    # Against one source only: the store's other sources are not reported.
    one = check_article(corpus["article"], [corpus["notes_en"]], db=db)
    assert one.sources == ["notes_en"]
    assert [r.categories for r in one.rows][:2] == [{"support": ["notes_en"]}, {"silent": ["notes_en"]}]


# -- the command ----------------------------------------------------------------------------
def invoke(*args):
    res = runner.invoke(app, [str(a) for a in args])
    assert "Traceback" not in res.stdout + res.stderr
    assert res.exception is None or isinstance(res.exception, SystemExit), repr(res.exception)
    return res


def test_cli_table(corpus):
    res = invoke("check", corpus["article"], "--against", corpus["notes_en"], corpus["resumen_es"], corpus["journal_fr"])
    assert res.exit_code == 0, res.stderr
    out = " ".join(res.stdout.split())
    assert "article.md checked against 3 sources" in out
    for word in ("supports", "refines", "explains", "contradicts", "silent", "notes_en", "journal_fr"):
        assert word in out
    assert "6 dated claims: 1 supported, 2 refined, 1 explained by the calendar, 1 contradicted, 1 with no source" in out


def test_cli_markdown_to_file(corpus, tmp_path):
    dest = tmp_path / "report.md"
    res = invoke(
        "check", corpus["article"], "--against", corpus["notes_en"], "--against", corpus["resumen_es"],
        "--against", corpus["journal_fr"], "--format", "markdown", "--out", dest,
    )
    assert res.exit_code == 0, res.stderr
    md = dest.read_text("utf-8")
    assert md.startswith("# article.md checked against 3 sources\n")
    assert md.count("\n## ") == 6 and "- **contradicts**: resumen\\_es" in md


def test_cli_bad_sources_are_one_line_each(corpus, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    res = invoke("check", corpus["article"], "--against", corpus["journal_fr"], tmp_path / "missing.txt", empty)
    assert res.exit_code == 0
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 2 and any("missing.txt" in ln for ln in lines) and any("empty.txt" in ln for ln in lines)
    assert "explains" in res.stdout


def test_cli_unreadable_article(corpus, tmp_path):
    res = invoke("check", tmp_path / "nope.md", "--against", corpus["notes_en"])
    assert res.exit_code != 0
    assert res.stderr.strip().count("\n") == 0 and "nope.md" in res.stderr
    res = invoke("check", tmp_path, "--against", corpus["notes_en"])
    assert res.exit_code != 0 and "one file" in res.stderr


def test_cli_unknown_format(corpus):
    res = invoke("check", corpus["article"], "--against", corpus["notes_en"], "--format", "html")
    assert res.exit_code == 2 and "unknown format" in res.stderr
