"""TimeML reader/writer of the time stage (TempEval-3 style documents)."""

from __future__ import annotations

import re

from chronicon.time.timeml import annotate_file, annotate_timeml, read_timeml

DOC = """<?xml version="1.0" ?>
<TimeML><DOCID>TEST_1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-03-05" functionInDocument="CREATION_TIME">March 5, 1998</TIMEX3></DCT>
<TEXT>
AT&amp;T said yesterday that the board, which meets <EVENT eid="e1">every</EVENT> year on 2 May.
had seen sales rise in 1996-1997 and would see them rise for three years.
</TEXT></TimeML>"""


def test_read_timeml_gets_docid_dct_and_plain_text():
    doc = read_timeml(DOC)
    assert doc.docid == "TEST_1"
    assert doc.dct == "1998-03-05"
    assert "<EVENT" not in doc.text and "AT&amp;T said yesterday" in doc.text


def test_annotate_inserts_timex3_and_keeps_the_text():
    out = annotate_timeml(DOC, "en")
    tags = re.findall(r'<TIMEX3 tid="(t\d+)" type="(\w+)" value="([^"]+)">([^<]+)</TIMEX3>', out)
    assert [(t[1], t[2], t[3]) for t in tags if t[0] != "t0"] == [
        ("DATE", "1998-03-04", "yesterday"),
        ("SET", "P1Y", "every year"),  # inline tags of the input do not hide words
        ("DATE", "1998-05-02", "2 May"),  # the year of the DCT; the sentence dot stays out
        ("DATE", "1996", "1996"),
        ("DATE", "1997", "1997"),
        ("DURATION", "P3Y", "three years"),
    ]
    # removing the tags gives back the input's text exactly
    strip = lambda s: re.sub(r"<[^>]+>", "", re.search(r"<TEXT>(.*)</TEXT>", s, re.S).group(1))
    assert strip(out) == strip(DOC)
    assert out.startswith(DOC[: DOC.index("<TEXT>")])


def test_annotate_file(tmp_path):
    src, dst = tmp_path / "a.tml.TE3input", tmp_path / "a.tml"
    src.write_text(DOC, encoding="utf-8")
    assert annotate_file(src, dst, "en") == 6
    assert dst.read_text(encoding="utf-8").count("<TIMEX3 ") == 7
