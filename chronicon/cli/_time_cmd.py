"""`chronicon time PATH... --lang xx --format timeml --out DIR`: tag temporal
expressions and write one TempEval-3 style .tml per input (issue 4)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import List, Optional

import typer

from ..model import Problem
from ._app import app, err, exit_if_nothing_read, guarded, report_problems

FORMATS = ("timeml",)
_DCT_FORM = re.compile(r"\d{4}-\d{2}-\d{2}")


def _inputs(paths: List[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.is_file() and not q.name.startswith(".")))
        else:
            out.append(p)
    return out


def _out_name(p: Path) -> str:
    name = p.name
    for suffix in (".TE3input", ".te3input"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    if not name.endswith(".tml"):
        name = (name.rsplit(".", 1)[0] if "." in name else name) + ".tml"
    return name


@app.command("time")
@guarded
def time_cmd(
    paths: List[Path] = typer.Argument(..., help="Plain-text files, TempEval .tml / .TE3input files, or folders."),
    lang: str = typer.Option(..., "--lang", help="Language of the inputs (en, es, fr, it, pt, de)."),
    fmt: str = typer.Option("timeml", "--format", help="Output format: timeml (TempEval-3 .tml)."),
    out_dir: Path = typer.Option(..., "--out", help="Folder for the .tml files (created if needed)."),
    dct: Optional[str] = typer.Option(
        None, "--dct", help="Document creation date (YYYY-MM-DD) for inputs without a DCT; "
        "default: the file's modification date."),
) -> None:
    """Tag temporal expressions (TIMEX3 type and value) and write TempEval-3 TimeML."""
    from ..time import language_codes
    from ..time.timeml import timeml_document, timeml_from_tml

    if fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format '{fmt}' ({' or '.join(FORMATS)})", param_hint="--format")
    if lang not in language_codes():
        raise typer.BadParameter(f"no time grammar for '{lang}' ({', '.join(language_codes())})",
                                 param_hint="--lang")
    if dct is not None and not _DCT_FORM.fullmatch(dct):
        raise typer.BadParameter(f"'{dct}' is not YYYY-MM-DD", param_hint="--dct")
    problems: list[Problem] = []
    written = 0
    out_dir.mkdir(parents=True, exist_ok=True)
    for p in _inputs(paths):
        if not p.exists():
            problems.append(Problem(str(p), "no such file"))
            continue
        try:
            raw = p.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(str(p), "not UTF-8 text"))
            continue
        except OSError as e:
            problems.append(Problem(str(p), f"cannot read ({e.strerror or e})"))
            continue
        if not raw.strip():
            problems.append(Problem(str(p), "empty file"))
            continue
        stem = _out_name(p)[: -len(".tml")]
        looks_timeml = "<TimeML" in raw or "<TEXT>" in raw or p.name.endswith((".tml", ".TE3input"))
        if looks_timeml:
            try:
                xml, n = timeml_from_tml(raw, lang, docid=stem, dct=dct)
            except ValueError as e:
                problems.append(Problem(str(p), f"not TempEval TimeML: {e}"))
                continue
        else:
            day = dct or dt.date.fromtimestamp(p.stat().st_mtime).isoformat()
            xml, n = timeml_document(raw, lang, docid=stem, dct=day, plain=True)
        dest = out_dir / _out_name(p)
        dest.write_text(xml, encoding="utf-8")
        written += 1
        err.print(f"wrote {dest} ({n} TIMEX3)", highlight=False)
    report_problems(problems)
    exit_if_nothing_read(written, problems)
