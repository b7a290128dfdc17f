"""Ingest: formats, encodings, errors, cleaning, read_paths."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from chronicon.errors import IngestError
from chronicon.ingest import from_text, read, read_paths
from chronicon.model import Problem, Source

FIX = Path(__file__).parent / "fixtures" / "ingest"


def sentences(src: Source) -> list[str]:
    return [src.text[s.start:s.end] for s in src.sentences]


def code_of(excinfo) -> str:
    return excinfo.value.code


# ------------------------------------------------------------------ HTML

def test_html_keeps_article_drops_furniture():
    src = read(FIX / "article.html")
    assert src.format == "html"
    assert src.id == "article"
    assert src.lang == "en"
    sents = sentences(src)
    assert "The dockers of the northern harbour stopped work on 14 June 1911, after the shipping companies refused to discuss a wage rise." in sents
    assert "A mediator arrived from the capital on 19 July 1911." in sents
    assert "The union grew from a few hundred members to several thousand by the spring of 1912." in sents
    for furniture in ("Homepage", "Sport scores", "Weather forecast", "newsletter", "Lottery winner",
                      "pastry award", "Cookie policy", "Copyright", "pageview", "font-family"):
        assert furniture not in src.text, furniture
    # paragraph breaks kept as newlines: each paragraph starts a line
    assert "\nA mediator arrived from the capital" in src.text
    assert src.title and "Harbour Strike" in src.title
    assert src.dct == "2019-05-14"


def test_html_edit_markers_in_headings_removed():
    src = read(FIX / "article.html")
    assert "[edit]" not in src.text and "edit]" not in src.text
    heads = [src.text[s.start:s.end] for s in src.sentences if s.heading]
    assert "Negotiations" in heads
    assert "Aftermath" in heads
    assert any("edit marker" in n for n in src.notes)


def test_html_fallback_when_trafilatura_finds_nothing(monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: None)
    src = read(FIX / "article.html")
    assert any("fell back to lxml" in n for n in src.notes)
    assert "A mediator arrived from the capital on 19 July 1911." in sentences(src)
    # nav/aside/footer are killed before the fallback too
    assert "Lottery winner" not in src.text and "Cookie policy" not in src.text


def test_xhtml_with_xml_declaration_and_footnote_sups():
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Abbey</title></head>'
            '<body><nav>Menu of links</nav><p>The abbey was founded in 1098 by a group of monks'
            '<sup class="reference">[3]</sup> who had left their old house.</p>'
            '<p>Its church was consecrated in 1106 by the bishop of the diocese.</p></body></html>')
    src = from_text(page, fmt="html")
    assert src.text.split("\n") == ["The abbey was founded in 1098 by a group of monks who had left their old house.",
                                     "Its church was consecrated in 1106 by the bishop of the diocese."]
    assert src.title == "Abbey"
    assert any("footnote" in n for n in src.notes)


def test_text_that_sniffs_as_html(tmp_path):
    p = tmp_path / "page.dat"
    p.write_text("<!DOCTYPE html><html><body><p>The old bridge over the river was opened to traffic on 4 May 1902 by the mayor.</p></body></html>",
                 encoding="utf-8")
    src = read(p)
    assert src.format == "html"
    assert "<p>" not in src.text
    assert sentences(src) == ["The old bridge over the river was opened to traffic on 4 May 1902 by the mayor."]


# ------------------------------------------------------------------ Markdown, TEI

def test_markdown_stripped_headings_kept():
    src = read(FIX / "notes.md")
    assert src.format == "md"
    assert src.title == "Notes on the lighthouse keepers"
    for mark in ("**", "#", "](", "```", "> ", "- The"):
        assert mark not in src.text, mark
    assert "print(" not in src.text
    sents = sentences(src)
    assert "The first keeper, Ana Ribeiro, took up her post on 3 March 1887." in sents
    # hard-wrapped paragraph joined into one sentence
    assert "She kept a logbook in which she wrote down every ship that passed the cape." in sents
    heads = [src.text[s.start:s.end] for s in src.sentences if s.heading]
    assert heads == ["The lighthouse keepers", "Storms"]
    assert "The great storm struck the coast on 11 November 1891." in sents
    assert "The lantern was rebuilt in 1894, with a lens ordered from Paris." in sents


def test_tei_body_only_title_from_header():
    src = read(FIX / "letter.xml")
    assert src.format == "tei"
    assert src.title == "A letter from the mill owner"
    assert src.dct == "2004-09-01"
    for header_text in ("Headerland", "Imaginary Encoding Project", "Encoded by", "mill owner"):
        assert header_text not in src.text, header_text
    lines = src.text.split("\n")
    assert lines[0] == "Letter to the county council"
    assert src.sentences[0].heading
    assert "The mill on the western bank opened on 5 April 1862, after two years of building." in lines
    # the footnote is kept (own line) and does not cut its paragraph in two
    assert "The wheel was damaged by the flood of October 1875 and repaired the following spring." in lines
    assert "The flood is also recorded in the parish register." in lines
    # <lb/> is a space
    assert "I ask the council to inspect the dam before the winter of 1880." in lines


def test_malformed_tei_is_e008(tmp_path):
    p = tmp_path / "broken.xml"
    p.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Unclosed paragraph</body></text></TEI>',
                 encoding="utf-8")
    with pytest.raises(IngestError) as ei:
        read(p)
    assert code_of(ei) == "E008"
    assert "broken.xml" in str(ei.value)


# ------------------------------------------------------------------ encodings

def test_latin1_text():
    src = read(FIX / "latin1_fr.txt")
    assert src.lang == "fr"
    assert src.encoding in ("cp1252", "latin_1", "iso8859_15", "iso8859_1")
    assert "rivière" in src.text and "décembre" in src.text and "sévère" in src.text


def test_utf16_with_bom():
    src = read(FIX / "utf16_de.txt")
    assert src.encoding == "utf-16"
    assert src.lang == "de"
    assert "\ufeff" not in src.text
    assert "Am 5. Dezember 1875 schloss der Besitzer die Tore nach dem Hochwasser." in sentences(src)


def test_utf8_bom_and_crlf_and_nbsp(tmp_path):
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbf" + "The fort was taken on 9\u00a0May 1705.\r\nThe garrison surrendered two days later.\r\n".encode("utf-8"))
    src = read(p)
    assert src.encoding == "utf-8-sig"
    assert "\r" not in src.text and "\u00a0" not in src.text and "\ufeff" not in src.text
    assert sentences(src) == ["The fort was taken on 9 May 1705.", "The garrison surrendered two days later."]


def test_nfc_normalisation():
    src = from_text("La cite\u0301 fut fonde\u0301e en 1620 par des colons venus de la mer.", lang="fr")
    assert "cité" in src.text and "\u0301" not in src.text


def test_sha256_of_text_as_read():
    src = read(FIX / "wiki_es.txt")
    assert src.sha256 == hashlib.sha256(src.text.encode("utf-8")).hexdigest()
    assert read(FIX / "wiki_es.txt").sha256 == src.sha256


# ------------------------------------------------------------------ errors

def test_binary_file_is_e003(tmp_path):
    p = tmp_path / "image.txt"
    p.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(IngestError) as ei:
        read(p)
    assert code_of(ei) == "E003"
    assert "image.txt" in str(ei.value)


def test_control_characters_are_binary(tmp_path):
    p = tmp_path / "blob.txt"
    p.write_bytes(b"abc\x01\x02\x03\x04\x05\x06\x07\x08defgh\x0e\x0f\x10\x11" * 20)
    with pytest.raises(IngestError) as ei:
        read(p)
    assert code_of(ei) == "E003"


def test_empty_and_whitespace_files_are_e002(tmp_path):
    for name, data in (("empty.txt", b""), ("blank.txt", b"  \n\t\n  ")):
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(IngestError) as ei:
            read(p)
        assert code_of(ei) == "E002", name


def test_no_text_after_markup_is_e006(tmp_path):
    p = tmp_path / "shell.html"
    p.write_text("<html><head><script>var x = 1;</script></head><body><nav><ul></ul></nav></body></html>", encoding="utf-8")
    with pytest.raises(IngestError) as ei:
        read(p)
    assert code_of(ei) == "E006"


def test_missing_path_is_e001(tmp_path):
    with pytest.raises(IngestError) as ei:
        read(tmp_path / "nowhere.txt")
    assert code_of(ei) == "E001"
    assert "nowhere.txt" in str(ei.value)


def test_unsupported_language_is_e005_naming_the_file():
    with pytest.raises(IngestError) as ei:
        read(FIX / "ru.txt")
    assert code_of(ei) == "E005"
    assert "ru.txt" in str(ei.value)
    assert "'ru'" in str(ei.value)


def test_chinese_is_e005(tmp_path):
    p = tmp_path / "zh.txt"
    p.write_text("这座灯塔建于一八八七年。第一位看守人每天记录经过海角的船只。一九三一年灯塔实现了自动化。", encoding="utf-8")
    with pytest.raises(IngestError) as ei:
        read(p)
    assert code_of(ei) == "E005"
    assert "zh" in str(ei.value)


def test_forced_language_is_used():
    src = read(FIX / "ru.txt", lang="es")
    assert src.lang == "es"
    # no stage has data for Russian: sentences and segments take the forced language
    assert {s.lang for s in src.sentences} == {"es"} and {g.lang for g in src.segments} == {"es"}
    assert any("'ru'" in n for n in src.notes)
    assert any("forced" in n for n in src.notes)
    with pytest.raises(IngestError) as ei:
        read(FIX / "notes.md", lang="ru")
    assert code_of(ei) == "E005"


# ------------------------------------------------------------------ Wikipedia debris

def test_wikipedia_markers_removed_but_not_the_word_in_prose():
    src = read(FIX / "wiki_es.txt")
    first = src.text.split("\n")[0]
    assert first == "Primeros años en el puerto (1880-1895)"
    assert src.sentences[0].heading
    assert "Editar" not in src.text
    # the verb "editar" inside a sentence survives
    assert "Nadie quiso editar el diario de la guardesa hasta 1950, cuando una editorial de Lisboa lo publicó." in sentences(src)
    assert "[4]" not in src.text and "[cita requerida]" not in src.text
    assert any("Editar" in n for n in src.notes)
    assert any("footnote" in n for n in src.notes)


@pytest.mark.parametrize("line,expected", [
    ("Early life and exile (1879-1902)edit", "Early life and exile (1879-1902)"),
    ("Jeunesse et formationModifier", "Jeunesse et formation"),
    ("Jeunesse et formation [modifier | modifier le code]", "Jeunesse et formation"),
    ("Leben in Wien[Bearbeiten | Quelltext bearbeiten]", "Leben in Wien"),
    ("Gli anni dell'esilio[modifica | modifica wikitesto]", "Gli anni dell'esilio"),
    ("Os anos do exílio[editar | editar código-fonte]", "Os anos do exílio"),
    ("Der Weg nach Mexiko Bearbeiten", "Der Weg nach Mexiko"),
    ("Early life edit", "Early life"),
])
def test_marker_variants(line, expected):
    src = from_text(line + "\nThe family moved to the city in the spring of 1888 and stayed there.", lang="en")
    assert src.text.split("\n")[0] == expected


@pytest.mark.parametrize("line", [
    "He asked the printer to edit",  # no marker: a heading-looking line ending in a verb
    "Cómo editar",
    "Nobody wanted to edit. Bearbeiten",  # punctuation: not a heading line
    "The council voted to modify the plan and the clerk had to edit the text of the law, which took a long time to do and then edit",
])
def test_marker_words_in_prose_kept(line):
    src = from_text(line + "\nThe family moved to the city in the spring of 1888 and stayed there.", lang="en")
    assert src.text.split("\n")[0] == line


# ------------------------------------------------------------------ read_paths

def test_read_paths_mix(tmp_path):
    good = tmp_path / "corpus"
    good.mkdir()
    shutil.copy(FIX / "notes.md", good / "notes.md")
    shutil.copy(FIX / "wiki_es.txt", good / "wiki_es.txt")
    shutil.copy(FIX / "ru.txt", good / "ru.txt")
    (good / "empty.txt").write_bytes(b"")
    (good / "blob.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    (good / "skip.csv").write_text("a,b\n", encoding="utf-8")
    hidden = good / ".cache"
    hidden.mkdir()
    (hidden / "secret.txt").write_text("The hidden file must not be read at all by ingest.", encoding="utf-8")
    (good / ".hidden.txt").write_text("Another hidden file that must be skipped.", encoding="utf-8")
    sub = good / "sub"
    sub.mkdir()
    shutil.copy(FIX / "letter.xml", sub / "letter.xml")
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    (nothing / "data.bin").write_bytes(b"\x00")

    sources, problems = read_paths([good, nothing, tmp_path / "missing.txt"])
    assert [s.id for s in sources] == ["notes", "letter", "wiki_es"]  # sorted paths: notes.md, sub/letter.xml, wiki_es.txt
    assert all(isinstance(p, Problem) for p in problems)
    by_name = {Path(p.path).name: p.code for p in problems}
    assert by_name == {"blob.txt": "E003", "empty.txt": "E002", "ru.txt": "E005",
                       "nothing": "E007", "missing.txt": "E001"}
    assert all("Traceback" not in str(p) for p in problems)


def test_read_paths_duplicate_ids(tmp_path):
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "chronicle.txt").write_text(
            f"The chronicle of house {d} begins in the year 1410 with a wedding.", encoding="utf-8")
    sources, problems = read_paths([tmp_path])
    assert problems == []
    assert [s.id for s in sources] == ["chronicle", "chronicle-2"]
    assert any("already used" in n for n in sources[1].notes)


def test_read_paths_single_file_and_string():
    sources, problems = read_paths(str(FIX / "notes.md"))
    assert [s.id for s in sources] == ["notes"] and problems == []


def test_dutch_is_recognised_as_unsupported():
    with pytest.raises(IngestError) as ei:
        from_text("De stad werd in het voorjaar van 1672 door het leger belegerd, maar de burgers hielden stand.")
    assert code_of(ei) == "E005" and "'nl'" in str(ei.value)


def test_very_short_latin_text_takes_a_supported_language():
    for t in ("Berlin", "Moscú", "Paris, 1871"):
        assert from_text(t).lang in ("en", "es", "fr", "it", "pt", "de"), t


def test_digits_only_is_e006():
    with pytest.raises(IngestError) as ei:
        from_text("1921 1922\n1923 -- 1924")
    assert code_of(ei) == "E006"
