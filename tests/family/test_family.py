"""The family copy: only consented items, nothing hidden, proved after saving, recorded."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import msoffcrypto
import pytest
import yaml
from msoffcrypto.exceptions import InvalidKeyError

from pcpv.cli import main
from pcpv.consent import (
    CONSENT_FILE,
    VOICE_AND_FACE,
    ConsentBook,
    Decision,
    GivenBy,
    How,
    ItemKind,
    answer_key,
    consent_items,
    export_summary,
)
from pcpv.errors import FamilyCopyError, UsageError
from pcpv.family import (
    Expectations,
    export_family,
    generate_password,
    is_encrypted,
    verify_family_copy,
)
from pcpv.project import Project

from .projects import build_own
from .reading import leaks, metadata_left, prepared_hash, read_copy

SALT = "Jo Smith, SALT"
SHARED = [answer_key("feel-safe"), answer_key("my-room"), answer_key("important-to-me")]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("family")
    return build_own(folder / "sam", folder / "inputs")


@pytest.fixture
def root(base: Path, tmp_path: Path) -> Path:
    target = tmp_path / "sam"
    shutil.copytree(base, target)
    return target


def agree(root: Path, keys: list[str], *, checked: bool = True, private: list[str] = ()) -> None:
    """Record yes for ``keys`` (photos checked with nothing flagged), and yes to face and voice."""
    with Project.open_for_writing(root) as project:
        book = ConsentBook.load(root)
        items = {i.key: i for i in consent_items(project, book)}
        for key in [VOICE_AND_FACE, *keys]:
            book.record(
                key,
                Decision.FAMILY,
                given_by=GivenBy.PATIENT,
                how=How.POINTED,
                recorded_by=SALT,
                content=items[key].content,
            )
            if checked and items[key].needs_checks:
                book.set_checks(key, [])
        book.add_private_words(private)
        book.save(project)


def photo_key(root: Path, caption_start: str) -> str:
    items = consent_items(Project.open(root))
    return next(i.key for i in items if i.caption.startswith(caption_start))


def export(root: Path, **options) -> object:
    with Project.open_for_writing(root) as project:
        return export_family(project, **options)


def test_family_copy_holds_only_consented_items_and_nothing_hidden(
    root: Path, tmp_path: Path
) -> None:
    room = photo_key(root, "My room")
    agree(root, [*SHARED, room], private=["Oak Ward"])
    result = export(root, for_whom="Mum")
    assert result.path == root / "Sam-family-copy-for-Mum.pptx"
    copy = read_copy(result.path)
    assert leaks(root, copy, tmp_path) == []
    assert metadata_left(copy) == []
    assert not copy.has_notes
    # feel-safe names Oak Ward, a private word: it stays out, with that reason.
    out = {i.key: i for i in result.left_out}
    assert "private words list" in out[answer_key("feel-safe")].reasons[-1]
    text = copy.all_text
    assert "my room has my posters and my guitar in it." in text
    assert "oak ward" not in text
    assert "a little house with a garden" not in text  # not consented
    assert "what would a good home be like" not in text  # so its slides are dropped too
    # The room photo is in, prepared afresh; the pitch photo (no consent) is not.
    items = {i.key: i for i in consent_items(Project.open(root))}
    assert prepared_hash(items[room], tmp_path) in copy.media_hashes
    pitch = photo_key(root, "The football pitch")
    assert prepared_hash(items[pitch], tmp_path) not in copy.media_hashes
    # The family line is on the first and the last slide only.
    line = "Please don't share it further."
    assert line in copy.slide_texts[0] and line in copy.slide_texts[-1]
    assert "Shared with Sam's permission on" in copy.slide_texts[0]
    assert sum(line in t for t in copy.slide_texts) == 2
    core = copy.parts["docProps/core.xml"].decode()
    assert "<dc:title>Sam's Care and Treatment Review</dc:title>" in core
    assert "<Notes>0</Notes>" in copy.parts["docProps/app.xml"].decode()
    assert all(
        info.date_time == (1980, 1, 1, 0, 0, 0) for info in zipfile.ZipFile(result.path).infolist()
    )


def test_the_export_is_recorded_and_shown_by_status(root: Path, capsys) -> None:
    agree(root, SHARED)
    result = export(root, for_whom="Mum")
    data = yaml.safe_load((root / CONSENT_FILE).read_text())
    record = data["exports"][0]
    assert record["for"] == "Mum"
    assert record["sha256"] == result.sha256
    assert record["encrypted"] is False
    assert set(record["items"]) == {VOICE_AND_FACE, *SHARED}
    lines = export_summary(Project.open(root))
    assert lines[1].startswith("Family copy for Mum: made on ")
    assert "3 items" in lines[1] and result.sha256[:12] in lines[1]


def test_withdrawal_makes_the_copy_out_of_date_until_a_new_one_is_made(root: Path, capsys) -> None:
    agree(root, SHARED)
    export(root, for_whom="Mum")
    code = main(
        ["consent", str(root), "withdraw", "my-room", "--how", "signed", "--recorded-by", SALT]
    )
    assert code == 0
    stale = export_summary(Project.open(root))
    assert "Family copy out of date" in stale[-1]
    second = export(root, for_whom="Mum")
    assert "my room has my posters" not in read_copy(second.path).all_text
    fresh = export_summary(Project.open(root))
    assert not any("out of date" in line for line in fresh)
    assert len(ConsentBook.load(root).exports) == 2


def test_flagged_photo_stays_out_unless_overridden(root: Path, tmp_path: Path) -> None:
    room = photo_key(root, "My room")
    agree(root, [answer_key("my-room"), room])
    assert main(["consent", str(root), "checks", room, "--staff"]) == 0
    items = {i.key: i for i in consent_items(Project.open(root))}
    room_hash = prepared_hash(items[room], tmp_path)
    assert room_hash not in read_copy(export(root).path).media_hashes
    code = main(
        ["consent", str(root), "override", room, "--reason", "the nurse agreed in writing",
         "--by", SALT]
    )  # fmt: skip
    assert code == 0
    assert room_hash in read_copy(export(root).path).media_hashes


def test_sound_and_video_are_re_scrubbed(root: Path, tmp_path: Path) -> None:
    items = consent_items(Project.open(root))
    clips = [i.key for i in items if i.kind in (ItemKind.AUDIO, ItemKind.VIDEO)]
    assert len(clips) == 3
    agree(root, clips)
    copy = read_copy(export(root).path)
    names = [n for n in copy.parts if n.startswith("ppt/media/")]
    assert sum(n.endswith(".mp4") for n in names) == 1
    assert sum(n.endswith(".wav") for n in names) == 2
    assert metadata_left(copy) == []
    assert leaks(root, copy, tmp_path) == []
    everything = b"".join(copy.parts.values())
    assert b"Jo Bloggs" not in everything and b"Nurse Ratched" not in everything


def test_nothing_consented_makes_no_file(root: Path) -> None:
    agree(root, [])  # yes to face and voice only: no content
    with pytest.raises(FamilyCopyError, match="Nothing has consent"):
        export(root)
    assert not list(root.glob("*.pptx"))
    assert ConsentBook.load(root).exports == []


def test_a_private_word_in_pcpvs_own_wording_stops_the_export(root: Path) -> None:
    agree(root, SHARED, private=["Treatment"])
    with pytest.raises(FamilyCopyError, match="pcpv's own wording names a private word") as caught:
        export(root)
    assert "slide 1 ('Sam's Care and Treatment Review') names the private word 'Treatment'" in str(
        caught.value
    )
    assert not list(root.glob("*.pptx"))


def test_a_failed_proof_saves_no_file_and_records_nothing(root: Path, monkeypatch) -> None:
    import pcpv.family

    agree(root, SHARED)
    monkeypatch.setattr(pcpv.family, "verify_family_copy", lambda data, expect: ["a planted leak"])
    target = root / "out" / "copy.pptx"
    with pytest.raises(FamilyCopyError, match="failed its check, so it was not saved") as caught:
        export(root, output=target)
    assert "a planted leak" in str(caught.value)
    assert not target.exists()
    assert ConsentBook.load(root).exports == []


def test_an_interrupted_proof_leaves_no_copy(root: Path, monkeypatch) -> None:
    import pcpv.family

    agree(root, SHARED)

    def stopped(data, expect):
        raise KeyboardInterrupt

    monkeypatch.setattr(pcpv.family, "verify_family_copy", stopped)
    target = root / "out" / "copy.pptx"
    with pytest.raises(KeyboardInterrupt):
        export(root, output=target)
    assert not target.exists()
    assert not target.parent.exists() or not any(target.parent.iterdir())
    assert ConsentBook.load(root).exports == []


def test_encrypted_copy_opens_with_its_password_and_not_without(root: Path, tmp_path: Path) -> None:
    agree(root, SHARED)
    password = "otter-maple-drum-47"
    result = export(root, password=password, output=tmp_path / "locked.pptx")
    data = result.path.read_bytes()
    assert is_encrypted(data) and not zipfile.is_zipfile(result.path)
    assert password.encode() not in (root / CONSENT_FILE).read_bytes()
    office = msoffcrypto.OfficeFile(io.BytesIO(data))
    assert office.is_encrypted()
    office.load_key(password="wrong-password")
    with pytest.raises(InvalidKeyError):
        office.decrypt(io.BytesIO())
    copy = read_copy(result.path, password)
    assert "my room has my posters" in copy.all_text
    assert metadata_left(copy) == []
    assert ConsentBook.load(root).exports[-1].encrypted is True


def test_short_password_is_refused_before_anything_is_made(root: Path) -> None:
    agree(root, SHARED)
    with pytest.raises(UsageError, match="too short"):
        export(root, password="abc")
    assert not list(root.glob("*.pptx"))


def test_generated_passwords_are_readable_and_different() -> None:
    first, second = generate_password(), generate_password()
    assert first != second
    parts = first.split("-")
    assert len(parts) == 6 and parts[-1].isdigit() and all(p.isalpha() for p in parts[:-1])


# -- the proof on its own, with planted faults --------------------------------------------------


@pytest.fixture
def clean_copy(root: Path, tmp_path: Path) -> tuple[bytes, Expectations, Path]:
    """A clean family copy, the expectations it was proved against, and the project."""
    import pcpv.family

    agree(root, [*SHARED, photo_key(root, "My room")], private=["Bella"])
    seen: list[Expectations] = []
    real = pcpv.family.verify_family_copy

    def spy(data: bytes, expect: Expectations) -> list[str]:
        seen.append(expect)
        return real(data, expect)

    pcpv.family.verify_family_copy = spy
    try:
        result = export(root, output=tmp_path / "clean.pptx")
    finally:
        pcpv.family.verify_family_copy = real
    data = result.path.read_bytes()
    assert verify_family_copy(data, seen[0]) == []
    return data, seen[0], root


def _tamper(data: bytes, change) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {n: source.read(n) for n in source.namelist()}
    change(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, body in parts.items():
            target.writestr(name, body)
    return out.getvalue()


def test_proof_finds_an_unconsented_original_file(clean_copy) -> None:
    data, expect, root = clean_copy
    pitch = next(
        i for i in consent_items(Project.open(root)) if i.caption.startswith("The football")
    )
    assert pitch.path is not None
    tampered = _tamper(
        data, lambda p: p.__setitem__("ppt/media/image99.jpg", pitch.path.read_bytes())
    )
    found = verify_family_copy(tampered, expect)
    assert any("which has no consent" in f for f in found)
    assert any("EXIF" in f for f in found)
    assert any("left over: no slide uses it" in f for f in found)


def test_proof_finds_notes_private_words_unplanned_words_and_crops(clean_copy) -> None:
    data, expect, _ = clean_copy

    def plant(parts: dict[str, bytes]) -> None:
        parts["ppt/notesSlides/notesSlide1.xml"] = b"<x/>"
        slide = parts["ppt/slides/slide2.xml"].decode()
        slide = slide.replace("</a:t>", " Bella was there</a:t>", 1)
        parts["ppt/slides/slide2.xml"] = slide.encode()
        with_picture = next(
            n
            for n, b in sorted(parts.items())
            if n.startswith("ppt/slides/slide") and b"<a:stretch>" in b
        )
        parts[with_picture] = parts[with_picture].replace(
            b"<a:stretch>", b'<a:srcRect l="10000"/><a:stretch>', 1
        )
        parts["docProps/core.xml"] = parts["docProps/core.xml"].replace(
            b"</dc:title>", b"</dc:title><dc:creator>Jo</dc:creator>"
        )

    found = "\n".join(verify_family_copy(_tamper(data, plant), expect))
    assert "speaker notes" in found
    assert "slide 2 names the private word 'Bella'" in found
    assert "slide 2 shows words pcpv did not plan for it" in found
    assert "document properties besides the title are set: creator" in found
    assert "has a cropped picture (the hidden part is still in the file)" in found


def test_proof_finds_words_of_an_unconsented_answer(clean_copy) -> None:
    data, expect, _ = clean_copy
    assert any(unit.startswith("a little house with a garden") for unit, _ in expect.denied_text)

    def plant(parts: dict[str, bytes]) -> None:
        slide = parts["ppt/slides/slide3.xml"].decode()
        parts["ppt/slides/slide3.xml"] = slide.replace(
            "</a:t>", " A little house with a garden and a dog.</a:t>", 1
        ).encode()

    found = verify_family_copy(_tamper(data, plant), expect)
    assert any("which has no consent, are in it" in f for f in found)


def test_proof_refuses_a_damaged_file(clean_copy) -> None:
    _, expect, _ = clean_copy
    assert verify_family_copy(b"not a zip", expect) == [
        "the file is not a complete PowerPoint file"
    ]


# -- the command ----------------------------------------------------------------------------------


def test_export_command_needs_family_and_a_terminal_for_password(
    root: Path, capsys, monkeypatch
) -> None:
    assert main(["export", str(root)]) == 2
    assert "--family" in capsys.readouterr().err
    agree(root, SHARED)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["export", str(root), "--family", "--password"]) == 2
    assert "--password-file" in capsys.readouterr().err
    assert not list(root.glob("*.pptx"))


def test_export_command_asks_the_password_twice(root: Path, capsys, monkeypatch) -> None:
    agree(root, SHARED)
    answers = iter(["first-password", "second-password"])
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["export", str(root), "--family", "--password"]) == 2
    assert "not the same" in capsys.readouterr().err
    answers = iter(["same-password-1", "same-password-1"])
    assert main(["export", str(root), "--family", "--password", "-o", str(root / "x.pptx")]) == 0
    assert read_copy(root / "x.pptx", "same-password-1").slide_texts


def test_export_command_with_password_file_and_generated_password(root: Path, capsys) -> None:
    agree(root, SHARED)
    secret = root.parent / "pw.txt"
    secret.write_text("river-otter-22\n")
    out = root.parent / "Mum.pptx"
    code = main(
        [
            "export",
            str(root),
            "--family",
            "--for",
            "Mum",
            "--password-file",
            str(secret),
            "-o",
            str(out),
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "river-otter-22" not in printed and "locked with a password" in printed
    assert read_copy(out, "river-otter-22").slide_texts
    assert main(["export", str(root), "--family", "--generate-password", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    password = printed.split("The password is:")[1].split()[0]
    assert printed.count(password) == 1
    assert read_copy(out, password).slide_texts
    assert password not in (root / CONSENT_FILE).read_text()
    empty = root.parent / "empty.txt"
    empty.write_text("")
    assert main(["export", str(root), "--family", "--password-file", str(empty)]) == 2
    assert "is empty" in capsys.readouterr().err
