"""``pcpv consent``: listing, recording, withdrawing, photo checks, overrides and private words."""

from __future__ import annotations

from pathlib import Path

import pytest

from pcpv.cli import main
from pcpv.consent import ConsentBook, Decision, GivenBy, ItemKind, answer_key, consent_items
from pcpv.project import Project

SALT = ["--recorded-by", "Jo Smith, SALT"]


def _number(root: Path, key: str) -> str:
    items = consent_items(Project.open(root))
    return str(next(n for n, i in enumerate(items, start=1) if i.key == key))


def test_list_numbers_every_item_as_meeting_only_at_first(root: Path, capsys) -> None:
    assert main(["consent", str(root), "list"]) == 0
    out = capsys.readouterr().out
    assert " 1. Sam's own face and voice" in out
    assert "answer:feel-safe: meeting only (not asked yet)" in out
    assert "family copy too" not in out


def test_yes_then_withdraw_from_the_command_line(root: Path, capsys) -> None:
    number = _number(root, answer_key("feel-safe"))
    code = main(["consent", str(root), "yes", number, "feel-safe", "--how", "nodded", *SALT])
    assert code == 0
    assert "Saved: Words for 'Do I feel safe here?': family copy too." in capsys.readouterr().out
    code = main(
        [
            "consent",
            str(root),
            "withdraw",
            "feel-safe",
            "--how",
            "said",
            *SALT,
            "--note",
            "Mum upset",
        ]
    )
    assert code == 0
    assert "ask the family to delete it" in capsys.readouterr().out
    history = ConsentBook.load(root).history(answer_key("feel-safe"))
    assert [h.decision for h in history] == [
        Decision.FAMILY,
        Decision.FAMILY,
        Decision.MEETING_ONLY,
    ]
    assert history[-1].note == "withdrawn: Mum upset"
    assert main(["consent", str(root), "show", "feel-safe"]) == 0
    shown = capsys.readouterr().out
    assert "family copy too - Sam, nodded; recorded by Jo Smith, SALT" in shown
    assert "meeting only - Sam, said so; recorded by Jo Smith, SALT (withdrawn: Mum upset)" in shown


def test_withdrawing_what_was_never_agreed_is_refused(root: Path, capsys) -> None:
    code = main(["consent", str(root), "withdraw", "my-name", "--how", "said", *SALT])
    assert code == 2
    err = capsys.readouterr().err
    assert "no consent to withdraw" in err and "Use 'no'" in err
    assert ConsentBook.load(root).history(answer_key("my-name")) == []


def test_best_interest_decision_records_the_role(root: Path, capsys) -> None:
    code = main(
        ["consent", str(root), "yes", "my-name", "--how", "meeting", *SALT,
         "--best-interest", "consultant psychiatrist"]
    )  # fmt: skip
    assert code == 0
    record = ConsentBook.load(root).history(answer_key("my-name"))[0]
    assert record.given_by == GivenBy.BEST_INTEREST
    assert record.decided_by_role == "consultant psychiatrist"


def test_unknown_item_and_missing_how_are_plain_errors(root: Path, capsys) -> None:
    assert main(["consent", str(root), "yes", "nothing-here", "--how", "said", *SALT]) == 2
    assert "There is no consent item called 'nothing-here'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["consent", str(root), "yes", "1", *SALT])
    assert "--how" in capsys.readouterr().err
    assert not (root / "consent.yaml").exists()


def test_photo_checks_and_override(root: Path, capsys) -> None:
    items = consent_items(Project.open(root))
    photo = next(i for i in items if i.kind == ItemKind.PHOTO)
    words = next(i for i in items if i.kind == ItemKind.WORDS)
    assert main(["consent", str(root), "yes", photo.key, "--how", "pointed", *SALT]) == 0
    assert "still stays out" in capsys.readouterr().out
    assert main(["consent", str(root), "checks", photo.key, "--security", "--me", "no"]) == 0
    assert "keys, locks, doors, fences or cameras" in capsys.readouterr().out
    assert main(["consent", str(root), "checks", photo.key, "--security", "--none"]) == 2
    assert main(["consent", str(root), "checks", words.key, "--none"]) == 2
    assert "for photos and videos" in capsys.readouterr().err
    code = main(
        ["consent", str(root), "override", photo.key, "--reason", "the fence is far off and blurred",
         "--by", "Jo Smith, SALT"]
    )  # fmt: skip
    assert code == 0
    assert "It goes into the family copy." in capsys.readouterr().out
    entry = ConsentBook.load(root).item(photo.key)
    assert (
        entry.override is not None and entry.override.reason == "the fence is far off and blurred"
    )
    code = main(
        [
            "consent",
            str(root),
            "override",
            photo.key,
            "--end",
            "--reason",
            "Sam asked",
            "--by",
            "Jo",
        ]
    )
    assert code == 0
    assert ConsentBook.load(root).item(photo.key).override is None


def test_override_needs_something_flagged(root: Path, capsys) -> None:
    photo = next(i for i in consent_items(Project.open(root)) if i.kind == ItemKind.PHOTO)
    code = main(["consent", str(root), "override", photo.key, "--reason", "fine", "--by", "Jo"])
    assert code == 2
    assert "nothing flagged" in capsys.readouterr().err


def test_private_words_add_list_remove(root: Path, capsys) -> None:
    assert main(["consent", str(root), "private-words", "--add", "Oak Ward", "Dr Jones"]) == 0
    out = capsys.readouterr().out
    assert "Added 2 private word(s)." in out and "  Oak Ward" in out
    assert main(["consent", str(root), "private-words", "--remove", "dr jones", "Nobody"]) == 0
    out = capsys.readouterr().out
    assert "Took off 1 private word(s)." in out
    assert "1 of the words to take off were not on the list." in out
    assert ConsentBook.load(root).private_words == ["Oak Ward"]
    assert main(["consent", str(root), "summary"]) == 0
    assert "1 private word(s) are kept out of it." in capsys.readouterr().out
