"""Property: over random consent patterns on the example projects, the family copy never holds an
unconsented item, unconsented words, a private word, speaker notes or any metadata; a locked copy
opens with its password and not without."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import msoffcrypto
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from msoffcrypto.exceptions import InvalidKeyError

from pcpv.consent import (
    VOICE_AND_FACE,
    ConsentBook,
    ConsentItem,
    Decision,
    GivenBy,
    How,
    PhotoFlag,
    consent_items,
)
from pcpv.deck.make_template import TEMPLATE
from pcpv.deck.plan import Voice, make_plan
from pcpv.errors import FamilyCopyError
from pcpv.family import export_family
from pcpv.project import Project

from .projects import EXAMPLES, example_or_own
from .reading import leaks, metadata_left, prepared_hash, read_copy, shown_words

PASSWORD = "harbour-puffin-kite-31"


def _template_parts() -> list[bytes]:
    with zipfile.ZipFile(TEMPLATE) as package:
        return [package.read(n) for n in package.namelist() if n.endswith(".xml")]


def _vocabulary(root: Path) -> list[str]:
    """Words from the answers that pcpv's own wording never uses: candidate private words.

    pcpv's own wording (questions, titles, hints, symbol names) is taken from the full deck's plan,
    leaving out the lines that are the patient's or staff's words.
    """
    project = Project.open(root)
    plan = make_plan(project)
    template = " ".join(
        [s.title for s in plan.slides]
        + [x.text for s in plan.slides for x in s.lines if x.voice == Voice.TEMPLATE]
        + [y.meaning for s in plan.slides for y in s.symbols()]
        + [m.alt for m in plan.media() if not m.caption]
        + [q.question for q in project.questions.prompts()]
        + ["Title Words Patient's Symbol Photo Sound Video Quote panel"]
        + [shown_words(body) for body in _template_parts()]
    ).casefold()
    words = set()
    for answer in project.answers.values():
        for word in re.findall(r"[A-Za-z]{4,}", answer.words + " " + answer.choice):
            if not re.search(rf"\b{word.casefold()}\b", template):
                words.add(word)
    return sorted(words)


@pytest.fixture(scope="module", params=EXAMPLES)
def example(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp(request.param)
    root = example_or_own(request.param, folder / request.param)
    items = consent_items(Project.open(root))
    return root, items, _vocabulary(root)


@st.composite
def patterns(draw: st.DrawFn, items: list[ConsentItem], vocabulary: list[str]) -> dict:
    decisions = st.sampled_from(
        [None, Decision.FAMILY, Decision.FAMILY, Decision.FAMILY, Decision.MEETING_ONLY,
         Decision.NOT_SURE, "withdrawn"]
    )  # fmt: skip
    choices = {}
    for item in items:
        choice = {"decision": draw(decisions)}
        if item.needs_checks:
            choice["checked"] = draw(st.booleans() | st.just(True))
            choice["flags"] = draw(
                st.lists(st.sampled_from(list(PhotoFlag)), max_size=2, unique=True)
            )
            choice["override"] = draw(st.booleans())
        if item.asks_me:
            choice["me"] = draw(st.sampled_from([None, True, False]))
        choices[item.key] = choice
    private = (
        draw(st.lists(st.sampled_from(vocabulary), max_size=2, unique=True)) if vocabulary else []
    )
    return {"items": choices, "private": private, "password": draw(st.booleans())}


def _apply(root: Path, items: list[ConsentItem], pattern: dict) -> None:
    with Project.open_for_writing(root) as project:
        book = ConsentBook()
        for item in items:
            choice = pattern["items"][item.key]
            decision = choice["decision"]
            record = dict(
                given_by=GivenBy.PATIENT, how=How.SAID, recorded_by="Jo, SALT", content=item.content
            )
            if decision == "withdrawn":
                book.record(item.key, Decision.FAMILY, **record)
                book.record(item.key, Decision.MEETING_ONLY, note="withdrawn", **record)
            elif decision is not None:
                book.record(item.key, decision, **record)
            if choice.get("checked"):
                book.set_checks(item.key, choice["flags"])
                if choice["flags"] and choice["override"]:
                    book.override(item.key, reason="checked with the ward manager", by="Jo, SALT")
            if choice.get("me") is not None:
                book.set_shows_me(item.key, choice["me"])
        book.add_private_words(pattern["private"])
        book.save(project)


def _check(root: Path, items: list[ConsentItem], pattern: dict, work: Path) -> None:
    _apply(root, items, pattern)
    password = PASSWORD if pattern["password"] else None
    target = root.parent / "family.pptx"
    now = consent_items(Project.open(root))
    shared = [i for i in now if i.in_family_copy and i.key != VOICE_AND_FACE]
    try:
        with Project.open_for_writing(root) as project:
            export_family(project, output=target, password=password)
    except FamilyCopyError as error:
        event("no copy made: " + error.message.split(",")[0][:50])
        assert not target.exists()
        assert not shared or "own wording" in error.message, error.message
        return
    assert shared, "a copy was made with nothing consented"
    event("copy made" + (" with a password" if password else ""))
    copy = read_copy(target, password)
    assert leaks(root, copy, work) == []
    assert metadata_left(copy) == []
    assert not copy.has_notes
    for item in shared:  # what was agreed is there too
        if item.kind.value == "photo":
            assert prepared_hash(item, work) in copy.media_hashes, item.key
    if password is not None:
        assert not zipfile.is_zipfile(target)
        office = msoffcrypto.OfficeFile(io.BytesIO(target.read_bytes()))
        office.load_key(password="not-the-password")
        with pytest.raises(InvalidKeyError):
            office.decrypt(io.BytesIO())
    else:
        assert zipfile.is_zipfile(target)


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=st.data())
def test_family_copy_never_holds_anything_without_consent(
    example, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    base, items, vocabulary = example
    pattern = data.draw(patterns(items, vocabulary))
    folder = tmp_path_factory.mktemp("case")
    root = folder / "project"
    shutil.copytree(base, root)
    work = folder / "work"
    work.mkdir()
    try:
        _check(root, items, pattern, work)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
