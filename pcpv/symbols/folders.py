"""Reading a symbol set the user adds: a folder of pictures, with or without a CSV of words.

Two shapes are understood, by the same reader:

* Mulberry-style: SVGs (in the folder or a sub-folder such as ``EN/``) and a ``symbol-info.csv``
  whose ``symbol-en`` column is each picture's file name without ``.svg`` and whose ``tags`` column
  holds keywords separated by spaces.
* Any folder of PNG, JPEG or SVG files whose names are the words ("cup of tea.png",
  "doctor_1a.svg"), optionally with one CSV file naming ``file``, ``words`` (separated by ``;``) and
  ``licence`` per picture.

A picture's id is its file name without the extension. Problems (a broken CSV row, a row naming a
missing picture, two pictures with the same name, a picture that cannot be read) are collected
file by file; everything good still loads.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

from pcpv.errors import Problem
from pcpv.symbols.records import Entry
from pcpv.symbols.sets import SymbolSet
from pcpv.symbols.words import normalise

PICTURE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg")
MAX_FILES = 50_000
"""A symbol folder bigger than this is almost certainly the wrong folder (a whole drive)."""
MAX_DEPTH = 3
"""How many folders down pictures are looked for (Mulberry keeps them one level down)."""
PREFERRED_CSV = ("symbol-info.csv", "symbols.csv", "words.csv", "index.csv")

_FILE_COLUMNS = ("file", "filename", "file name", "symbol-en", "symbol", "image", "picture")
_WORDS_COLUMNS = ("words", "word", "keywords", "meaning", "label", "name")
_TAG_COLUMNS = ("tags", "tag")
_LICENCE_COLUMNS = ("licence", "license")
# Mulberry names variants "doctor_1a", "doctor_2b" and verbs "bake_,_to"; the words are "doctor", "bake".
_VARIANT = re.compile(r"(?:[ _]\d[a-z]?)+$")
_VERB = re.compile(r"_,_to$")


def name_words(stem: str) -> str:
    """The words a picture's file name stands for: "doctor_1a" -> "doctor", "bake_,_to" -> "bake"."""
    text = _VERB.sub("", stem)
    shorter = _VARIANT.sub("", text)
    text = shorter or text
    text = text.replace("_-_", " ").replace(",", " ")
    return normalise(text)


def find_pictures(root: Path) -> tuple[dict[str, str], list[Problem]]:
    """Every picture under ``root`` (hidden folders skipped) by id -> path string; a second picture
    with the same name is a problem (the first, in sorted order, is kept)."""
    found: dict[str, str] = {}
    problems: list[Problem] = []
    count = 0
    pending = [(str(root), 0)]
    while pending:
        folder, depth = pending.pop(0)
        try:
            with os.scandir(folder) as listing:
                items = sorted(listing, key=lambda item: item.name)
        except OSError as exc:
            problems.append(
                Problem(Path(folder), f"The folder could not be read ({exc.strerror}).")
            )
            continue
        for item in items:
            name = item.name
            if name.startswith("."):
                continue
            if item.is_dir():
                if depth + 1 < MAX_DEPTH:
                    pending.append((item.path, depth + 1))
                continue
            if not name.lower().endswith(PICTURE_SUFFIXES):
                continue
            count += 1
            if count > MAX_FILES:
                problems.append(
                    Problem(
                        root,
                        f"The folder holds more than {MAX_FILES} pictures; pcpv read "
                        "the first ones only. Is this the right folder?",
                    )
                )
                return found, problems
            symbol_id = name.rsplit(".", 1)[0]
            if symbol_id in found:
                first = Path(found[symbol_id]).relative_to(root)
                problems.append(
                    Problem(
                        Path(item.path),
                        f"Another picture is also called '{symbol_id}' "
                        f"({first}); pcpv uses that one.",
                    )
                )
                continue
            found[symbol_id] = item.path
    return found, problems


def find_csv(root: Path) -> tuple[Path | None, list[Problem]]:
    """The CSV of words in ``root``, if there is one."""
    csvs = sorted(p for p in root.iterdir() if p.suffix.lower() == ".csv" and p.is_file())
    if not csvs:
        return None, []
    for name in PREFERRED_CSV:
        for path in csvs:
            if path.name.lower() == name:
                return path, []
    if len(csvs) > 1:
        listed = ", ".join(p.name for p in csvs)
        return csvs[0], [
            Problem(
                root,
                f"There are several CSV files ({listed}); pcpv read {csvs[0].name}. "
                "Name the one with the words symbols.csv.",
            )
        ]
    return csvs[0], []


def _column(header: list[str], names: tuple[str, ...]) -> str | None:
    lowered = {h.strip().lower(): h for h in header if h}
    for name in names:
        if name in lowered:
            return lowered[name]
    return None


_LIST_SEPARATOR = re.compile(r"[;|,]")


def _split_words(text: str) -> list[str]:
    if not text:
        return []
    return [normalise(p) for p in _LIST_SEPARATOR.split(text) if p.strip()]


def read_folder_set(symbols: SymbolSet) -> None:
    """Fill ``symbols.entries`` from its folder, adding every problem found to ``symbols.problems``."""
    root = symbols.root
    if root is None or not root.is_dir():
        symbols.available = False
        symbols.problems.append(
            Problem(
                root or Path(),
                "The folder is not there any more. Was it moved, or is it "
                "on a drive that is not plugged in?",
            )
        )
        return
    pictures, problems = find_pictures(root)
    symbols.problems.extend(problems)
    csv_path, csv_problems = find_csv(root)
    symbols.problems.extend(csv_problems)
    described: dict[str, Entry] = {}
    if csv_path is not None:
        described = _read_csv(csv_path, pictures, symbols.problems)
    for symbol_id, path in pictures.items():
        entry = described.get(symbol_id)
        if entry is None:
            words = name_words(symbol_id)
            entry = Entry(symbol_id, words or symbol_id, path, words=(words,) if words else ())
        symbols.entries[symbol_id] = entry
    if not symbols.entries:
        symbols.problems.append(
            Problem(root, "No pictures were found here. pcpv reads SVG, PNG and JPEG files.")
        )


def _read_csv(path: Path, pictures: dict[str, str], problems: list[Problem]) -> dict[str, Entry]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        problems.append(
            Problem(
                path,
                "The CSV file is not UTF-8 text. Save it as 'CSV UTF-8' and "
                "add the set again. The pictures are used by their file names.",
            )
        )
        return {}
    except OSError as exc:
        problems.append(Problem(path, f"The CSV file could not be read ({exc.strerror})."))
        return {}
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, [])
    except csv.Error as exc:
        problems.append(Problem(path, f"The CSV file is broken: {exc}.", line=1))
        return {}
    file_col = _column(header, _FILE_COLUMNS)
    if file_col is None:
        problems.append(
            Problem(
                path,
                "The CSV file has no column naming the picture files (call it 'file').",
                line=1,
            )
        )
        return {}
    index = {name: i for i, name in enumerate(header)}
    file_at = index[file_col]
    words_at = index.get(_column([h for h in header if h != file_col], _WORDS_COLUMNS) or "")
    tags_at = index.get(_column(header, _TAG_COLUMNS) or "")
    licence_at = index.get(_column(header, _LICENCE_COLUMNS) or "")
    entries: dict[str, Entry] = {}
    seen_rows: dict[str, int] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(Problem(path, f"This row is broken: {exc}.", line=reader.line_num))
            continue
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(
                Problem(
                    path,
                    f"This row has {len(row)} fields but the first row has "
                    f"{len(header)}; pcpv skipped it.",
                    line=line,
                )
            )
            continue
        file_value = row[file_at].strip()
        if not file_value:
            problems.append(Problem(path, "This row names no picture file.", line=line))
            continue
        symbol_id = file_value.replace("\\", "/").rsplit("/", 1)[-1]
        if symbol_id.lower().endswith(PICTURE_SUFFIXES):
            symbol_id = symbol_id.rsplit(".", 1)[0]
        if symbol_id in seen_rows:
            problems.append(
                Problem(
                    path,
                    f"'{symbol_id}' is described twice (first on line "
                    f"{seen_rows[symbol_id]}); pcpv uses the first.",
                    line=line,
                )
            )
            continue
        seen_rows[symbol_id] = line
        if symbol_id not in pictures:
            problems.append(
                Problem(path, f"The picture '{file_value}' is not in the folder.", line=line)
            )
            continue
        name = name_words(symbol_id)
        words = [name] if name else []
        if words_at is not None:
            words += [w for w in _split_words(row[words_at]) if w not in words]
        tags: list[str] = []
        if tags_at is not None:
            tags_text = row[tags_at].strip()
            # Mulberry separates its tags with spaces; a CSV made by hand may use ; or ,
            separated = _LIST_SEPARATOR.search(tags_text)
            tags = _split_words(tags_text) if separated else tags_text.lower().split()
        entries[symbol_id] = Entry(
            symbol_id,
            words[0] if words else symbol_id,
            pictures[symbol_id],
            words=tuple(words),
            tags=tuple(t for t in tags if t and t not in words),
            licence=row[licence_at].strip() if licence_at is not None else "",
        )
    return entries


def check_picture(path: Path) -> str | None:
    """Why the picture at ``path`` cannot be used, or None when it is fine. Reads the whole file:
    meant for ``pcpv symbols add``, not for start-up."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"The file could not be read ({exc.strerror})."
    if not data:
        return "The file is empty."
    if path.suffix.lower() == ".svg":
        return _check_svg(data)
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        return f"The picture is damaged or not really a {path.suffix.lstrip('.').upper()} ({exc})."
    return None


def _check_svg(data: bytes) -> str | None:
    import xml.etree.ElementTree as ET

    try:
        # Entities are refused by the parser below only if declared; SVG symbol files never need them.
        if b"<!ENTITY" in data:
            return "The SVG declares XML entities, which pcpv does not read for safety."
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return f"The SVG is not readable XML ({exc})."
    if not root.tag.endswith("svg"):
        return "The file is not an SVG drawing."
    return None
