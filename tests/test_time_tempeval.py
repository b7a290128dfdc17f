"""The TempEval-3 scorer (chronicon/time/_tempeval.py) on small synthetic documents,
and the `chronicon time` / `chronicon bench time` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chronicon.cli import app
from chronicon.cli._bench_time import DEFAULT_DATA
from chronicon.time._tempeval import compare_documents, evaluate, scores, timexes, tsv_documents


def doc(body: str) -> str:
    return ('<?xml version="1.0" ?>\n<TimeML><DOCID>d1</DOCID>\n<DCT><TIMEX3 tid="t0" type="DATE" '
            'value="2013-03-22" functionInDocument="CREATION_TIME">March 22, 2013</TIMEX3></DCT>\n'
            f"<TEXT>{body}</TEXT></TimeML>")


def T(tid, typ, value, words):
    return f'<TIMEX3 tid="{tid}" type="{typ}" value="{value}">{words}</TIMEX3>'


GOLD = doc(f"The vote was held {T('t1', 'DATE', '2013-03-22', 'Friday')} and "
           f"{T('t2', 'DATE', '2013-03-21', 'Thursday evening')}; it lasted "
           f"{T('t3', 'DURATION', 'P2Y', 'two years')}, unlike {T('t4', 'DATE', '2012', 'last year')}.")


def test_reader_skips_the_dct_and_keeps_offsets():
    text, found = timexes(GOLD)
    assert [t.text for t in found] == ["Friday", "Thursday evening", "two years", "last year"]
    assert all(text[t.start:t.end] == t.text for t in found)


def test_perfect_system_scores_100():
    f = scores(compare_documents(GOLD, GOLD))
    assert f["strict_f1"] == f["relaxed_f1"] == f["value_f1"] == f["type_accuracy"] == 100.0


def test_exact_overlap_miss_spurious_and_attributes():
    system = doc(f"The vote was held {T('t1', 'DATE', '2013-03-22', 'Friday')} and "  # exact, right
                 f"{T('t2', 'DATE', '2013-03-21', 'Thursday')} evening; it lasted "  # overlap, right value
                 f"two years, unlike last {T('t3', 'DURATION', 'P1Y', 'year')}."  # overlap, wrong value and type
                 ).replace("The vote", f"{T('t9', 'DATE', 'PRESENT_REF', 'The')} vote")  # spurious
    c = compare_documents(GOLD, system)
    assert (c.gold, c.system) == (4, 4)
    assert (c.strict_gold, c.strict_system) == (1, 1)
    assert (c.relaxed_gold, c.relaxed_system) == (3, 3)  # "two years" missed, "The" spurious
    f = scores(c)
    assert f["strict_precision"] == 25.0 and f["strict_recall"] == 25.0
    assert f["relaxed_precision"] == 75.0 and f["relaxed_recall"] == 75.0 and f["relaxed_f1"] == 75.0
    assert f["value_accuracy"] == pytest.approx(66.67) and f["value_f1"] == 50.0  # 75 x 2/3
    assert f["type_accuracy"] == pytest.approx(66.67)
    kinds = sorted(e[1] for e in c.errors)
    assert kinds == ["attr", "extent", "missed", "spurious"]


def test_one_system_timex_over_two_gold_ones_pairs_once():
    gold = doc(f"{T('t1', 'DATE', '2009', '2009')}-{T('t2', 'DATE', '2010', '2010')} season")
    system = doc(f"{T('t1', 'DATE', '2009', '2009-2010')} season")
    c = compare_documents(gold, system)
    assert (c.relaxed_gold, c.relaxed_system, c.strict_gold) == (2, 1, 0)
    assert c.pairs == 1 and c.value_ok == 1


def test_no_system_output_scores_zero_without_dividing_by_zero():
    plain = doc(timexes(GOLD)[0])
    f, _ = evaluate([("d1", GOLD, plain)])
    assert f["strict_f1"] == f["relaxed_f1"] == f["value_f1"] == 0.0


def test_different_texts_are_refused():
    with pytest.raises(ValueError):
        compare_documents(GOLD, doc("something else"))


def test_tsv_documents(tmp_path):
    p = tmp_path / "t.tsv"
    p.write_text('*!-DCTVALUE="2000-09-14"-!*\tO\t-\n\nLlegó\tO\t-\nel\tB-DATE\t2000-09-15\n'
                 "viernes\tI-DATE\t2000-09-15\n.\tO\t-\n", encoding="utf-8")
    [(name, gold, inp)] = tsv_documents(p, "x")
    assert name == "x_001" and 'value="2000-09-14"' in inp
    assert [(t.text, t.value) for t in timexes(gold)[1]] == [("el viernes", "2000-09-15")]
    assert timexes(inp)[1] == []


# ------------------------------------------------------------------ commands

runner = CliRunner()


def test_time_command_writes_tempeval_timeml(tmp_path):
    src = tmp_path / "a.tml.TE3input"
    src.write_text(doc("Officials said Friday that the plan, approved in May 2012, would last two years."),
                   encoding="utf-8")
    txt = tmp_path / "b.txt"
    txt.write_text("Profits rose 5% in 1998 & fell in March 1999.", encoding="utf-8")
    bad = tmp_path / "c.tml"
    bad.write_text("<TimeML>no text here</TimeML>", encoding="utf-8")
    res = runner.invoke(app, ["time", str(src), str(txt), str(bad), str(tmp_path / "none.txt"),
                              "--lang", "en", "--format", "timeml", "--out", str(tmp_path / "out"),
                              "--dct", "1999-06-01"])
    assert res.exit_code == 0, res.output
    a = (tmp_path / "out" / "a.tml").read_text("utf-8")
    assert 'tid="t0"' in a and 'functionInDocument="CREATION_TIME"' in a and 'value="2013-03-22"' in a  # its own DCT
    assert [(t.text, t.type, t.value) for t in timexes(a)[1]] == [
        ("Friday", "DATE", "2013-03-22"), ("May 2012", "DATE", "2012-05"), ("two years", "DURATION", "P2Y")]
    b = (tmp_path / "out" / "b.tml").read_text("utf-8")
    assert 'value="1999-06-01"' in b and "&amp;" in b
    assert [t.value for t in timexes(b)[1]] == ["1998", "1999-03"]
    lines = [ln for ln in res.stderr.splitlines() if "skipped" in ln] if hasattr(res, "stderr") else []
    assert len([ln for ln in lines if "c.tml" in ln]) == 1 and len([ln for ln in lines if "none.txt" in ln]) == 1


def test_time_command_bad_format_is_a_usage_error(tmp_path):
    res = runner.invoke(app, ["time", str(tmp_path), "--lang", "en", "--format", "xml", "--out", str(tmp_path)])
    assert res.exit_code == 2


@pytest.mark.skipif(not Path(DEFAULT_DATA).is_dir(), reason="../shared/data/tempeval3 is absent")
@pytest.mark.parametrize("lang", ["en", "es"])
def test_bench_time_json(lang):
    res = runner.invoke(app, ["bench", "time", "--lang", lang, "--json", "--limit", "2"])
    assert res.exit_code == 0, res.output
    f = json.loads(res.stdout)
    for key in ("strict_precision", "strict_recall", "strict_f1", "relaxed_precision", "relaxed_recall",
                "relaxed_f1", "value_f1", "type_accuracy", "tokens_per_second"):
        assert 0 <= f[key] and (key == "tokens_per_second" or f[key] <= 100)
    assert f["documents"] == 2 and f["gold"] > 0
    # CPU time of the process is reported beside wall-clock, and never exceeds it by much
    assert f["cpu_tokens_per_second"] > 0 and f["cpu_seconds"] <= f["seconds"] * 1.5 + 0.01
    assert f["cpu_seconds"] == 0 or abs(f["cpu_tokens_per_second"] * f["cpu_seconds"] / f["tokens"] - 1) < 0.1


# ------------------------------------------------------------------ news (TimeML) mode

def _values(text, lang, dct):
    from chronicon.time.timeml import timexes as tag_timexes

    return [(e.text, e.type, e.value) for e in tag_timexes(text, lang, dct)]


def test_timeml_mode_reads_yearless_dates_and_weekdays_from_the_dct():
    # 2 Jan: "Dec. 28" is last year's; a later explicit date does not move "Friday"
    got = _values("On Dec. 28 the plan of 3 March 1921 failed, officials said Friday.", "en", "2000-01-07")
    assert ("Dec. 28", "DATE", "1999-12-28") in got and ("Friday", "DATE", "2000-01-07") in got


def test_timeml_mode_spanish_article_weekday_window_and_reference_words():
    got = _values("Ahora el gobierno votará el viernes el plan anual .", "es", "2000-06-01")  # a Thursday
    assert ("Ahora", "DATE", "PRESENT_REF") in got
    assert ("el viernes", "DATE", "2000-06-02") in got  # a day ahead, with its article
    assert ("anual", "SET", "P1Y") in got


def test_timeml_mode_spanish_third_round_conventions():
    # sentences written for this test; dct 2003-10-07 (Q4, H2, third cuatrimestre)
    got = _values("La hoy desaparecida fábrica cerró a finales del año pasado ; hasta la fecha , "
                  "nadie ha pagado y este semestre tampoco .", "es", "2003-10-07")
    assert got == [("hoy", "DATE", "PRESENT_REF"), ("finales del año pasado", "DATE", "2002"),
                   ("la fecha", "DATE", "2003-10-07"), ("este semestre", "DATE", "2003-H2")]
    got = _values("Nacieron dos bebés recién nacidos el trimestre pasado , "
                  "en las primeras horas de la mañana .", "es", "2003-10-07")
    assert got == [("el trimestre pasado", "DATE", "2003-Q3"),
                   ("las primeras horas de la mañana", "TIME", "2003-10-07TMO")]


def test_timeml_mode_spanish_vague_counts_are_vague_durations():
    # Spanish TimeBank: "pocos días después", "hace unos días" are durations PXD, not dates ~3 days away
    got = _values("Pocos días después llegó ; hace unos días se fue ; tres días después volvió .", "es", "2003-10-07")
    assert got == [("Pocos días después", "DURATION", "PXD"), ("hace unos días", "DURATION", "PXD"),
                   ("tres días después", "DURATION", "P3D")]


def test_historical_tagging_keeps_its_spans():
    from chronicon.time import tag

    [e] = tag("Se firmó el 12 de marzo de 1921.", "es")
    assert e.text == "12 de marzo de 1921"


def test_timeml_mode_tags_the_two_ends_of_a_day_range_apart():
    got = _values("Se celebró del 7 al 11 de septiembre .", "es", "2000-10-01")
    assert got == [("del 7", "DATE", "2000-09-07"), ("al 11 de septiembre", "DATE", "2000-09-11")]


def test_timeml_mode_a_range_lends_its_year_and_open_ends_keep_the_date():
    got = _values("Las ventas subieron entre enero y marzo de 1998 y bajaron hasta 1999 .", "es", "2000-06-01")
    assert got == [("enero", "DATE", "1998-01"), ("marzo de 1998", "DATE", "1998-03"), ("1999", "DATE", "1999")]


def test_timeml_mode_spanish_timebank_conventions():
    # a Thursday; "el pasado jueves" is a week back (25 May), a bare day is read in the month
    # last named (May), parts of a day and clock times take the day last named
    got = _values("El pasado jueves , dos días después del acuerdo , se vieron ; el día 5 , por la tarde , "
                  "firmaron a las 8.15 hora local ( 07.15 GMT ) tras dos años y tres meses .", "es", "2000-06-01")
    assert ("El pasado jueves", "DATE", "2000-05-25") in got
    assert ("dos días", "DURATION", "P2D") in got
    assert ("el día 5", "DATE", "2000-05-05") in got
    assert ("la tarde", "TIME", "2000-05-05TAF") in got
    assert ("07.15 GMT", "TIME", "2000-05-05T07:15Z") in got
    assert ("dos años y tres meses", "DURATION", "P2Y3M") in got
    got = _values("Meses después , la semana pasada , volvió ; lo hará dos meses más tarde .", "es", "2000-06-01")
    assert ("Meses después", "DURATION", "PXM") in got
    assert ("dos meses más tarde", "DURATION", "P2M") in got


def test_timeml_mode_a_list_of_days_takes_the_month_at_its_end():
    got = _values("Se verán los días 13 , 14 y 15 de mayo de 2001 .", "es", "2000-06-01")
    assert [v for _, _, v in got] == ["2001-05-13", "2001-05-14", "2001-05-15"]
    assert got[0][0] == "los días 13"


def test_timeml_mode_spanish_weekday_takes_the_tense_of_its_clause():
    # sentences written for this test; 2000-06-01 is a Thursday: a past verb points to the
    # last Monday (3 days back, outside the news window), a future one to the next
    got = _values("Se reunió el lunes con el rey ; dijo que el martes firmará ; "
                  "para el domingo se espera lluvia ; se reunirá el lunes .", "es", "2000-06-01")
    assert got == [("el lunes", "DATE", "2000-05-29"), ("el martes", "DATE", "2000-06-06"),
                   ("el domingo", "DATE", "2000-06-04"), ("el lunes", "DATE", "2000-06-05")]


def test_timeml_mode_spanish_month_and_quarter_of_a_relative_year():
    got = _values("Subió en mayo del año pasado , el 5 de marzo del próximo año y en el tercer trimestre "
                  "del año pasado ; en el primer semestre del año 1999 bajó .", "es", "2000-06-14")
    assert got == [("mayo del año pasado", "DATE", "1999-05"), ("el 5 de marzo del próximo año", "DATE", "2001-03-05"),
                   ("el tercer trimestre del año pasado", "DATE", "1999-Q3"),
                   ("el primer semestre del año 1999", "DATE", "1999-H1")]


def test_timeml_mode_spanish_following_week_parts_of_this_month_and_clock_ranges():
    got = _values("La semana siguiente abrió entre las 10 y las 12 horas ; pagará a finales de mes .", "es", "2000-06-14")
    assert got == [("La semana siguiente", "DATE", "2000-W25"), ("las 10", "TIME", "2000-06-14T10:00"),
                   ("las 12 horas", "TIME", "2000-06-14T12:00"), ("finales de mes", "DATE", "2000-06")]


def test_timeml_mode_spanish_hours_ago_are_durations():
    got = _values("Hace 24 horas llegó ; hace dos horas se fue .", "es", "2000-06-14")
    assert got == [("Hace 24 horas", "DURATION", "PT24H"), ("hace dos horas", "DURATION", "PT2H")]


def test_timeml_mode_spanish_yearless_dates_take_the_tense_of_their_clause():
    # 2000-06-14: a future verb puts March in 2001, a past one September in 1999; a
    # reporting verb after a quotation says nothing of the date's tense
    got = _values("Se celebrará en marzo ; se celebró en septiembre ; tras las elecciones del 12 de marzo , "
                  "hizo balance ; `` la final de julio será dura '' , dijo .", "es", "2000-06-14")
    assert got == [("marzo", "DATE", "2001-03"), ("septiembre", "DATE", "1999-09"),
                   ("del 12 de marzo", "DATE", "2000-03-12"), ("julio", "DATE", "2000-07")]
    assert _values("El pasado 2 de octubre firmó .", "es", "2000-06-14") == [("El pasado 2 de octubre", "DATE", "1999-10-02")]


def test_timeml_mode_spanish_a_bare_day_takes_the_tense_of_its_clause():
    # 2000-06-14: "el día 13" is yesterday in the past, next month's 13th with a future verb
    # ("hasta" lets only a future verb decide)
    assert _values("Se representó el día 13 .", "es", "2000-06-14") == [("el día 13", "DATE", "2000-06-13")]
    got = _values("Se representará hasta el día 13 .", "es", "2000-06-14")
    assert got == [("el día 13", "DATE", "2000-07-13")]


def test_timeml_mode_a_season_without_year_or_tense_is_this_years():
    assert _values("Puede que en otoño pasara a conducirlo .", "es", "1999-07-01") == [("otoño", "DATE", "1999-FA")]


def test_timeml_mode_spanish_part_of_a_named_day_is_one_time():
    got = _values("La noche del 5 de mayo llovió ; la mañana del 11 de septiembre de 2001 , no .", "es", "2000-06-14")
    assert got == [("La noche del 5 de mayo", "TIME", "2000-05-05TNI"),
                   ("la mañana del 11 de septiembre de 2001", "TIME", "2001-09-11TMO")]


def test_a_range_of_months_across_new_year_without_a_year_is_not_reversed():
    from chronicon.time import tag

    [e] = tag("La producción bajó entre diciembre y Febrero .", "es", anchor="1999-05-01")
    start, end = e.edtf.split("/")
    assert e.text == "entre diciembre y Febrero" and start.endswith("-12") and end.endswith("-02") and start < end
    got = _values("La producción bajó entre diciembre y Febrero ; Mayo y Junio , meses excitantes .", "es", "1999-05-01")
    assert got == [("diciembre", "DATE", "1998-12"), ("Febrero", "DATE", "1999-02"),
                   ("Junio", "DATE", "1999-06")]  # a capital first month may be a name ("Mayo")
