"""Consent records and storage: defaults, history, withdrawal, photo checks, overrides, private
words, hand-edited files, and the lines ``pcpv status`` prints."""

from __future__ import annotations

import datetime as dt
import stat
import sys
from pathlib import Path

import pytest
import yaml

from pcpv.consent import (
    CONSENT_FILE,
    VOICE_AND_FACE,
    ConsentBook,
    Decision,
    ExportRecord,
    GivenBy,
    How,
    ItemKind,
    PhotoFlag,
    answer_key,
    consent_items,
    export_summary,
    family_summary,
    find_item,
    private_words_in,
)
from pcpv.errors import ProjectFileError, UsageError
from pcpv.project import Project

SALT = "Jo Smith, SALT"


def _items(root: Path) -> dict[str, object]:
    return {i.key: i for i in consent_items(Project.open(root))}


def _say(book: ConsentBook, item, decision: Decision = Decision.FAMILY, **extra) -> None:
    book.record(
        item.key,
        decision,
        given_by=extra.pop("given_by", GivenBy.PATIENT),
        how=extra.pop("how", How.POINTED),
        recorded_by=extra.pop("recorded_by", "Jo Smith, SALT"),
        content=item.content,
        **extra,
    )


def _photo(items: list, caption_start: str):
    return next(
        i for i in items if i.kind == ItemKind.PHOTO and i.caption.startswith(caption_start)
    )


def test_everything_is_meeting_only_until_consent_is_recorded(root: Path) -> None:
    project = Project.open(root)
    items = consent_items(project)
    assert not (root / CONSENT_FILE).exists()
    assert items[0].key == VOICE_AND_FACE
    kinds = {i.kind for i in items}
    assert kinds == set(ItemKind) - {ItemKind.VIDEO}  # this project has no video
    assert all(not i.in_family_copy and i.decision is None for i in items)
    assert all("No one has asked yet." in i.reasons for i in items)
    summary = family_summary(project)
    assert summary.included == []
    assert summary.lines()[0].startswith("The family copy will hold 0 of")
    # The photo used in two answers is asked about once; the symbol-only answer is its own kind.
    photo_keys = [i.key for i in items if i.kind == ItemKind.PHOTO]
    assert len(photo_keys) == len(set(photo_keys)) == 3
    assert next(i for i in items if i.prompt_id == "important-to-me").kind == ItemKind.SYMBOLS


def test_items_follow_the_question_order_words_before_their_media(root: Path) -> None:
    items = consent_items(Project.open(root))
    prompts = [i.prompt_id for i in items[1:]]
    assert prompts[:4] == ["my-name", "my-name", "things-i-like", "things-i-like"]
    assert items[1].kind == ItemKind.WORDS and items[2].kind == ItemKind.AUDIO
    assert items[2].path is not None and items[2].path.is_file()


def test_a_decision_is_saved_with_who_how_when_and_survives_reopening(root: Path) -> None:
    with Project.open_for_writing(root) as project:
        book = ConsentBook.load(root)
        item = _items(root)[answer_key("feel-safe")]
        when = dt.datetime(2027, 1, 10, 14, 30)
        book.record(
            item.key,
            Decision.FAMILY,
            given_by=GivenBy.PATIENT,
            how=How.CHOSE_A_SYMBOL,
            recorded_by="Jo Smith, SALT",
            content=item.content,
            when=when,
            note="pointed at the thumbs-up",
        )
        book.save(project)
    data = yaml.safe_load((root / CONSENT_FILE).read_text())
    assert data["schema"] == 1
    record = data["items"]["answer:feel-safe"]["history"][0]
    assert record == {
        "decision": "family",
        "given_by": "patient",
        "how": "chose-a-symbol",
        "when": "2027-01-10T14:30:00",
        "recorded_by": "Jo Smith, SALT",
        "note": "pointed at the thumbs-up",
        "content": item.content,
    }
    assert (root / CONSENT_FILE).read_text().startswith("# pcpv consent")
    if sys.platform != "win32":
        assert stat.S_IMODE((root / CONSENT_FILE).stat().st_mode) & 0o077 == 0
    again = ConsentBook.load(root)
    assert again.history(item.key)[0].when == when
    assert _items(root)[item.key].in_family_copy


def test_changing_and_withdrawing_keep_the_whole_history(root: Path) -> None:
    key = answer_key("things-i-like")
    with Project.open_for_writing(root) as project:
        book = ConsentBook.load(root)
        item = _items(root)[key]
        _say(book, item, Decision.NOT_SURE)
        _say(book, item, Decision.FAMILY, how=How.SAID)
        book.save(project)
    assert _items(root)[key].in_family_copy
    with Project.open_for_writing(root) as project:
        book = ConsentBook.load(root)
        _say(book, item, Decision.MEETING_ONLY, note="withdrawn")
        book.save(project)
    history = ConsentBook.load(root).history(key)
    assert [h.decision for h in history] == [
        Decision.NOT_SURE,
        Decision.FAMILY,
        Decision.MEETING_ONLY,
    ]
    now = _items(root)[key]
    assert not now.in_family_copy and now.reasons == ["Meeting only."]


def test_not_sure_counts_as_meeting_only_and_says_ask_again(root: Path) -> None:
    book = ConsentBook()
    item = _items(root)[answer_key("my-name")]
    _say(book, item, Decision.NOT_SURE)
    found = {i.key: i for i in consent_items(Project.open(root), book)}[item.key]
    assert not found.in_family_copy
    assert found.reasons == ["Not sure yet: ask again another day."]


def test_best_interest_needs_a_role_and_every_decision_needs_a_recorder(root: Path) -> None:
    book = ConsentBook()
    with pytest.raises(UsageError, match="role of who made it"):
        book.record(
            "answer:my-name",
            Decision.FAMILY,
            given_by=GivenBy.BEST_INTEREST,
            how=How.MEETING,
            recorded_by="Jo",
        )
    with pytest.raises(UsageError, match="who is recording"):
        book.record(
            "answer:my-name",
            Decision.FAMILY,
            given_by=GivenBy.PATIENT,
            how=How.SAID,
            recorded_by="  ",
        )
    record = book.record(
        "answer:my-name",
        Decision.FAMILY,
        given_by=GivenBy.BEST_INTEREST,
        decided_by_role="consultant psychiatrist",
        how=How.MEETING,
        recorded_by="Jo",
    )
    assert record.to_dict()["decided_by_role"] == "consultant psychiatrist"
    assert book.history("answer:my-name") == [record]


def test_words_changed_after_consent_must_be_asked_again(root: Path) -> None:
    key = answer_key("feel-safe")
    with Project.open_for_writing(root) as project:
        book = ConsentBook.load(root)
        _say(book, _items(root)[key])
        book.save(project)
    assert _items(root)[key].in_family_copy
    with Project.open_for_writing(root) as project:
        project.set_words("feel-safe", "I do not feel safe when it is loud.")
    changed = _items(root)[key]
    assert not changed.in_family_copy
    assert changed.reasons == ["The answer changed after consent was given: ask again."]


def test_photos_need_checks_face_consent_and_no_flags_unless_overridden(root: Path) -> None:
    project = Project.open(root)
    book = ConsentBook()
    photo = _photo(consent_items(project, book), "My room")
    _say(book, photo)

    def state():
        return next(i for i in consent_items(project, book) if i.key == photo.key)

    assert state().reasons == [
        "The photo checks have not been done yet.",
        "It may show Sam's face or hold Sam's voice, and Sam has not agreed to share those.",
    ]
    book.set_checks(photo.key, [], shows_me=False)
    assert state().in_family_copy
    book.set_checks(photo.key, [PhotoFlag.STAFF, PhotoFlag.PLACE_NAME])
    assert state().reasons == [
        "Kept out because staff are in it; it shows the ward's or the hospital's name or sign."
    ]
    with pytest.raises(UsageError, match="must say why"):
        book.override(photo.key, reason=" ", by="Jo, SALT")
    book.override(photo.key, reason="Only the back of a nurse's arm", by="Jo, SALT")
    now = state()
    assert now.in_family_copy
    assert "Only the back of a nurse's arm" in now.notes[0]
    book.override(photo.key, reason="Sam changed his mind", by="Jo, SALT", active=False)
    assert not state().in_family_copy
    assert len(book.item(photo.key).overrides) == 2  # the override's history is kept too


def test_face_and_voice_are_agreed_apart_from_the_words(root: Path) -> None:
    project = Project.open(root)
    book = ConsentBook()
    items = consent_items(project, book)
    sound = next(i for i in items if i.kind == ItemKind.AUDIO and i.prompt_id == "my-name")
    words = next(i for i in items if i.key == answer_key("my-name"))
    _say(book, words)
    _say(book, sound)
    after = {i.key: i for i in consent_items(project, book)}
    assert after[words.key].in_family_copy
    assert not after[sound.key].in_family_copy  # the voice has no yes yet
    _say(book, after[VOICE_AND_FACE])
    assert {i.key: i for i in consent_items(project, book)}[sound.key].in_family_copy
    # A sound that is not the patient's voice needs no face-and-voice yes.
    _say(book, after[VOICE_AND_FACE], Decision.MEETING_ONLY)
    book.set_shows_me(sound.key, False)
    assert {i.key: i for i in consent_items(project, book)}[sound.key].in_family_copy


def test_private_words_keep_items_out_whole_words_any_case(root: Path) -> None:
    assert private_words_in("I live on OAK   ward now", ["oak ward"]) == ["oak ward"]
    assert private_words_in("Bellamy came", ["Bella"]) == []
    assert private_words_in("Bella's lead", ["Bella"]) == ["Bella"]
    book = ConsentBook()
    assert book.add_private_words(["Oak Ward", "oak  ward", "Bella", " "]) == ["Oak Ward", "Bella"]
    project = Project.open(root)
    for item in consent_items(project, book):
        _say(book, item)
    out = {i.key: i for i in consent_items(project, book) if not i.in_family_copy}
    assert answer_key("feel-safe") in out and answer_key("things-i-like") in out
    assert (
        out[answer_key("feel-safe")].reasons[-1]
        == "It names 'Oak Ward', on the private words list."
    )
    assert book.remove_private_words(["OAK WARD", "nobody"]) == ["Oak Ward"]
    assert book.private_words == ["Bella"]


def test_find_item_by_number_key_prompt_or_prefix(root: Path) -> None:
    items = consent_items(Project.open(root))
    assert find_item(items, "1").key == VOICE_AND_FACE
    assert find_item(items, "feel-safe").key == answer_key("feel-safe")
    photo = next(i for i in items if i.kind == ItemKind.PHOTO)
    assert find_item(items, photo.key[:12]).key == photo.key
    assert find_item(items, photo.key.split(":")[1][:8]).key == photo.key
    with pytest.raises(UsageError, match="no consent item called 'nothing'"):
        find_item(items, "nothing")
    with pytest.raises(UsageError, match="could mean"):
        find_item(items, "answ")
    with pytest.raises(UsageError):
        find_item(items, str(len(items) + 1))


def test_hand_edited_file_reports_every_problem_with_its_line(root: Path) -> None:
    (root / CONSENT_FILE).write_text(
        "schema: 1\n"
        "private_words: [Oak Ward]\n"
        "items:\n"
        "  answer:feel-safe:\n"
        "    flags: [staff, goats]\n"
        "    history:\n"
        "    - decision: maybe\n"
        "      given_by: best-interest\n"
        "      how: pointed\n"
        "      when: yesterday\n"
        "      recorded_by: Jo\n"
        "    - decision: family\n"
        "      given_by: patient\n"
        "      how: said\n"
        "      when: '2027-01-10T10:00:00'\n"
    )
    with pytest.raises(ProjectFileError) as caught:
        ConsentBook.load(root)
    text = str(caught.value)
    lines = {p.line for p in caught.value.problems}
    assert "'goats' is not a photo check" in text
    assert "'decision' is 'maybe'" in text
    assert "needs 'decided_by_role'" in text
    assert "'when' is 'yesterday'" in text
    assert "The field 'recorded_by' is missing" in text
    assert {5, 7, 10} <= lines
    assert "Nothing has been changed" in text


def test_a_newer_or_broken_file_is_refused_plainly(root: Path) -> None:
    (root / CONSENT_FILE).write_text("schema: 7\nitems: {}\n")
    with pytest.raises(ProjectFileError, match="newer pcpv") as caught:
        ConsentBook.load(root)
    assert "Update pcpv" in caught.value.hint
    (root / CONSENT_FILE).write_text("schema: one\n")
    with pytest.raises(ProjectFileError, match="whole number"):
        ConsentBook.load(root)
    (root / CONSENT_FILE).write_text("items: [\n")
    with pytest.raises(ProjectFileError, match="line"):
        ConsentBook.load(root)


def test_saving_needs_the_project_open_for_changing(root: Path) -> None:
    with pytest.raises(UsageError, match="open for changing"):
        ConsentBook().save(Project.open(root))
    assert not (root / CONSENT_FILE).exists()


def test_export_summary_says_when_the_family_copy_is_out_of_date(root: Path) -> None:
    project = Project.open(root)
    assert export_summary(project)[-1] == "Family copy: none made yet."
    book = ConsentBook()
    items = consent_items(project, book)
    for item in items[:4]:
        _say(book, item)
    keys = family_summary(project, book).keys
    assert answer_key("my-name") in keys
    book.exports.append(
        ExportRecord(
            when=dt.datetime(2027, 1, 12, 10, 5),
            for_whom="Mum",
            file="Sam-family-copy-for-Mum.pptx",
            sha256="ab" * 32,
            items=keys,
            encrypted=True,
            private_words=book.private_words_fingerprint(),
        )
    )
    with Project.open_for_writing(root) as writable:
        book.save(writable)
    lines = export_summary(Project.open(root))
    assert lines[0].startswith("Consent: ")
    assert lines[1].startswith("Family copy for Mum: made on 12 January 2027 at 10:05")
    assert "locked with a password" in lines[1]
    assert not any("out of date" in line for line in lines)
    # Withdrawing one item makes it out of date, and says to ask the family to delete it.
    with Project.open_for_writing(root) as writable:
        book = ConsentBook.load(root)
        _say(book, next(i for i in items if i.key == answer_key("my-name")), Decision.MEETING_ONLY)
        book.save(writable)
    stale = export_summary(Project.open(root))
    assert "Family copy out of date" in stale[-1]
    assert "1 item in it may no longer be shared" in stale[-1]
    assert "delete the old copy" in stale[-1]


def test_a_new_private_word_also_makes_the_copy_out_of_date(root: Path) -> None:
    project = Project.open(root)
    book = ConsentBook()
    _say(book, consent_items(project, book)[1])
    book.exports.append(
        ExportRecord(
            when=dt.datetime(2027, 1, 12, 10, 5),
            for_whom="",
            file="x.pptx",
            sha256="cd" * 32,
            items=family_summary(project, book).keys,
            private_words=book.private_words_fingerprint(),
        )
    )
    book.add_private_words(["Dr Jones"])
    with Project.open_for_writing(root) as writable:
        book.save(writable)
    lines = export_summary(Project.open(root))
    assert "The private words list changed" in lines[-1]


def test_wizard_helpers_record_save_and_return_the_new_state(root: Path) -> None:
    from pcpv.consent import record_checks, record_decision

    with Project.open_for_writing(root) as project:
        items = consent_items(project)
        photo = _photo(items, "My room")
        words = next(i for i in items if i.key == answer_key("my-room"))
        after = record_decision(project, words, Decision.FAMILY, how=How.NODDED, recorded_by=SALT)
        assert after.in_family_copy
        after = record_decision(project, photo, Decision.FAMILY, how=How.POINTED, recorded_by=SALT)
        assert not after.in_family_copy
        after = record_checks(project, photo, [PhotoFlag.OTHER_PEOPLE], shows_me=False)
        assert after.reasons == ["Kept out because other people are in it."]
        after = record_checks(project, photo, [])
        assert after.in_family_copy and after.shows_me is False
        with pytest.raises(UsageError, match="photo checks are for photos and videos"):
            record_checks(project, words, [])
        with pytest.raises(UsageError, match="face or hold a voice"):
            record_checks(project, words, shows_me=True)
    book = ConsentBook.load(root)
    assert book.history(words.key)[0].how == How.NODDED
    assert book.item(photo.key).flags_checked


def test_record_decision_needs_the_project_open_for_changing(root: Path) -> None:
    from pcpv.consent import record_decision

    project = Project.open(root)
    item = consent_items(project)[1]
    with pytest.raises(UsageError, match="open for changing"):
        record_decision(project, item, Decision.FAMILY, how=How.SAID, recorded_by=SALT)


def _agree_to_photo(project: Project, book: ConsentBook, caption_start: str):
    """Yes to the photo, checked with nothing flagged and not the patient: in the family copy."""
    photo = _photo(consent_items(project, book), caption_start)
    _say(book, photo)
    book.set_checks(photo.key, [], shows_me=False)
    return photo


def test_a_caption_changed_after_consent_must_be_asked_again(root: Path) -> None:
    with Project.open_for_writing(root) as project:
        book = ConsentBook.load(root)
        photo = _agree_to_photo(project, book, "My room")
        book.save(project)
    assert _items(root)[photo.key].in_family_copy
    with Project.open_for_writing(root) as project:
        project.set_caption("my-room", photo.media.sha256, "My room, next to Dave's room")
    changed = _items(root)[photo.key]
    assert changed.caption == "My room, next to Dave's room"
    assert not changed.in_family_copy
    assert photo.key not in family_summary(Project.open(root)).keys
    assert changed.reasons == ["The caption changed after consent was given: ask again."]
    saved = yaml.safe_load((root / CONSENT_FILE).read_text())["items"][photo.key]["history"][0]
    assert saved["content"] == photo.content != changed.content
    # Asked again about the new caption: it is in again.
    with Project.open_for_writing(root) as project:
        book = ConsentBook.load(root)
        _say(book, changed)
        book.save(project)
    assert _items(root)[photo.key].in_family_copy


def test_media_consent_from_an_older_file_without_a_fingerprint_is_asked_again(
    root: Path,
) -> None:
    project = Project.open(root)
    photo = _photo(consent_items(project), "My room")
    (root / CONSENT_FILE).write_text(
        "schema: 1\n"
        "items:\n"
        f"  {VOICE_AND_FACE}:\n"
        "    history:\n"
        "    - {decision: family, given_by: patient, how: said, when: '2026-01-05T10:00:00',\n"
        "       recorded_by: 'Jo, SALT'}\n"
        f"  '{photo.key}':\n"
        "    flags_checked: true\n"
        "    flags: []\n"
        "    shows_me: false\n"
        "    history:\n"
        "    - {decision: family, given_by: patient, how: said, when: '2026-01-05T10:00:00',\n"
        "       recorded_by: 'Jo, SALT'}\n"
    )
    book = ConsentBook.load(root)  # still reads
    assert book.decision(photo.key) == Decision.FAMILY
    now = next(i for i in consent_items(project, book) if i.key == photo.key)
    assert not now.in_family_copy
    assert now.reasons == ["Consent was given before pcpv kept track of its captions: ask again."]


def test_a_file_in_two_answers_is_asked_about_with_every_caption(base: Path, root: Path) -> None:
    room_file = base.parent / "inputs" / "room.jpg"
    with Project.open_for_writing(root) as project:
        book = ConsentBook.load(root)
        photo = _agree_to_photo(project, book, "My room")
        book.save(project)
    assert _items(root)[photo.key].in_family_copy
    # The same photo is added to a second answer, with a caption no one has asked about.
    with Project.open_for_writing(root) as project:
        project.add_media("good-home", room_file, caption="Dave from the next room")
    items = consent_items(Project.open(root))
    assert len([i for i in items if i.key == photo.key]) == 1  # still asked about once
    now = next(i for i in items if i.key == photo.key)
    assert not now.in_family_copy
    assert "Dave from the next room" in now.text().splitlines()
    assert now.reasons == ["The caption changed after consent was given: ask again."]
    assert now.captions == ("My room with the blue posters", "Dave from the next room")
    assert now.caption == "My room with the blue posters / Dave from the next room"
    assert "Dave from the next room" in now.title
    # Private words are looked for in every caption, not only the first one.
    with Project.open_for_writing(root) as project:
        book = ConsentBook.load(root)
        _say(book, now)
        book.add_private_words(["Dave"])
        book.save(project)
    again = _items(root)[photo.key]
    assert not again.in_family_copy
    assert again.reasons == ["It names 'Dave', on the private words list."]
    # The same caption twice (the football pitch is in two answers) is shown once.
    pitch = _photo(items, "The football pitch")
    assert pitch.captions == ("The football pitch where I play",)
    assert pitch.caption == "The football pitch where I play"


def test_private_words_match_across_unicode_forms_invisible_characters_and_separators() -> None:
    nfc, nfd = "Zo\u00eb", "Zoe\u0308"
    assert private_words_in(f"I saw {nfd} today", [nfc]) == [nfc]
    assert private_words_in(f"I saw {nfc} today", [nfd]) == [nfd]
    assert private_words_in("I saw Zoe today", [nfc]) == []  # diacritics are not stripped
    assert private_words_in("ＤＡＶＥ came", ["Dave"]) == ["Dave"]  # NFKC: full-width letters
    for apostrophe in "'\u2019\u2018\u02bc":
        assert private_words_in(f"Bella{apostrophe}s lead", ["Bella"]) == ["Bella"]
        assert private_words_in(f"O{apostrophe}Brien came", ["O'Brien"]) == ["O'Brien"]
    for hidden in "\u00ad\u200b\u200c\u200d\u2060\ufeff":
        assert private_words_in(f"Da{hidden}ve came", ["Dave"]) == ["Dave"], repr(hidden)
    for written in [
        "ward 7",
        "WARD-7",
        "ward_7",
        "ward7",
        "Ward\n7",
        "Ward \u2013 7",
        "ward\u00a07",
    ]:
        assert private_words_in(f"I was on {written} then", ["Ward 7"]) == ["Ward 7"], written
    assert private_words_in("I was on Ward 7.", ["ward-7"]) == ["ward-7"]
    # Still whole words only.
    assert private_words_in("Davey came", ["Dave"]) == []
    assert private_words_in("Daves came", ["Dave"]) == []
    assert private_words_in("Ward 77 and award 7", ["Ward 7"]) == []
    assert private_words_in("Da\u00advey came", ["Dave"]) == []
    assert private_words_in("_Dave_ and Dave's", ["Dave"]) == ["Dave"]
