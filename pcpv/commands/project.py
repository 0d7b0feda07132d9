"""Commands for the project folder: new, status, answer, session, topic."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from pcpv.commands._args import date_arg
from pcpv.errors import UsageError
from pcpv.model import (
    DEFAULT_MEETING_TITLES,
    PRESENTER_WORDS,
    STATE_WORDS,
    Meeting,
    MeetingKind,
    Presentation,
    Presenter,
    ProjectInfo,
    PromptState,
    WordsBy,
)
from pcpv.project import Project
from pcpv.questions import QuestionSet, default_set_for, format_date

ORDER = 10


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="make a new project folder for a patient")
    p.add_argument("folder", type=Path, help="the new project's folder (pcpv creates it)")
    p.add_argument("--name", required=True, help="how the patient likes to be called on the slides")
    p.add_argument(
        "--meeting",
        required=True,
        choices=[k.value for k in MeetingKind],
        help="ctr (Care and Treatment Review), cpa (CPA review) or own",
    )
    p.add_argument("--date", type=date_arg, help="the meeting's date, like 2027-01-15")
    p.add_argument("--meeting-title", help="the meeting's name as your service calls it")
    p.add_argument(
        "--presenter",
        choices=[k.value for k in Presenter],
        default="together",
        help="who will show the slides (default: together)",
    )
    p.add_argument(
        "--questions",
        type=Path,
        metavar="FOLDER",
        help="use your service's own question set from this folder",
    )
    p.add_argument(
        "--set",
        dest="set_id",
        help="use another of pcpv's question sets (see: pcpv questions list)",
    )
    p.add_argument(
        "--topic",
        action="append",
        default=[],
        help="one of the patient's own topics (for the 'own' set); repeat for more",
    )
    p.set_defaults(handler=cmd_new)

    p = sub.add_parser("status", help="show what is done and what is left")
    p.add_argument("folder", type=Path)
    p.set_defaults(handler=cmd_status)

    p = sub.add_parser(
        "answer", help="save an answer to one prompt (for scripts; the wizard does this too)"
    )
    p.add_argument("folder", type=Path)
    p.add_argument("prompt", help="the prompt's id (see: pcpv status FOLDER)")
    p.add_argument("--words", help="the answer in words, exactly as said")
    p.add_argument(
        "--staff", action="store_true", help="the words were written by staff, not the patient"
    )
    p.add_argument("--choice", help="the option chosen, for prompts answered by a choice")
    p.add_argument(
        "--symbol",
        action="append",
        default=None,
        metavar="REF",
        help="a symbol for this answer (a word or set:id); repeat for more",
    )
    state = p.add_mutually_exclusive_group()
    state.add_argument(
        "--skip", action="store_true", help="the patient does not want to answer this"
    )
    state.add_argument("--not-today", action="store_true", help="come back to this another day")
    p.set_defaults(handler=cmd_answer)

    p = sub.add_parser(
        "session", help="start a working session in the log (who is here, what we plan)"
    )
    p.add_argument("folder", type=Path)
    p.add_argument(
        "--who", required=True, help="who is here, by role, comma separated: patient,SALT,nurse"
    )
    p.add_argument("--plan", default="", help="what we want to do today")
    p.set_defaults(handler=cmd_session)

    p = sub.add_parser(
        "topic", help="add one of the patient's own topics (for the 'own' question set)"
    )
    p.add_argument("folder", type=Path)
    p.add_argument("topic", help="the topic, in the patient's words")
    p.set_defaults(handler=cmd_topic)


def cmd_new(args: argparse.Namespace) -> int:
    kind = MeetingKind(args.meeting)
    if args.questions and args.set_id:
        raise UsageError("Use either --questions or --set, not both.")
    info = ProjectInfo(
        name=args.name.strip(),
        meeting=Meeting(
            kind=kind, title=args.meeting_title or DEFAULT_MEETING_TITLES[kind], date=args.date
        ),
        questions=_ref(args.set_id or default_set_for(kind)),
        presentation=Presentation(presenter=Presenter(args.presenter)),
        own_topics=[t.strip() for t in args.topic if t.strip()],
    )
    if not info.name:
        raise UsageError("--name is empty. Write how the patient likes to be called.")
    project = Project.create(args.folder, info, question_folder=args.questions)
    count = sum(1 for _ in project.questions.prompts())
    print(f"Made a new project for {info.name} in {args.folder}")
    print(f"It uses the question set '{project.questions.title}' with {count} prompts.")
    print(f"Next: pcpv wizard {args.folder}")
    return 0


def _ref(set_id: str):
    from pcpv.model import QuestionSetRef

    return QuestionSetRef(id=set_id, version=1)


MARKERS = {
    PromptState.ANSWERED: "[done]",
    PromptState.SKIPPED: "[skip]",
    PromptState.NOT_TODAY: "[later]",
    PromptState.NOT_STARTED: "[ ]",
}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def section_progress(project: Project, questions: QuestionSet) -> list[tuple[str, int, int]]:
    """(section title, prompts done, prompts) for each section; skipped counts as done."""
    rows = []
    for section in questions.sections:
        done = sum(
            1
            for p in section.prompts
            if project.answer(p.id).state in (PromptState.ANSWERED, PromptState.SKIPPED)
        )
        rows.append((section.title, done, len(section.prompts)))
    return rows


def cmd_status(args: argparse.Namespace) -> int:
    project = Project.open(args.folder)
    info, qs = project.info, project.questions
    when = f" on {format_date(info.meeting.date)}" if info.meeting.date else ""
    print(f"{info.name}: {info.meeting.title}{when}")
    print(f"Question set: {qs.title} ({qs.id}, version {qs.version})")
    print(f"Who shows the slides: {PRESENTER_WORDS[info.presentation.presenter]}")
    if project.migrated_from:
        print("(Saved by an older pcpv; it will be updated the next time it is changed.)")
    states: Counter[PromptState] = Counter()
    media: Counter[str] = Counter()
    width = max((len(p.id) for p in qs.prompts()), default=10)
    for (title, done, total), section in zip(
        section_progress(project, qs), qs.sections, strict=False
    ):
        print(f"\n{title}: {done} of {total} done")
        for prompt in section.prompts:
            answer = project.answer(prompt.id)
            states[answer.state] += 1
            extras = []
            for item in answer.media:
                media[item.kind.value] += 1
            kinds = Counter(m.kind.value for m in answer.media)
            extras += [_plural(n, k) for k, n in sorted(kinds.items())]
            if answer.symbols:
                extras.append(_plural(len(answer.symbols), "symbol"))
            if answer.words:
                extras.append("staff's words" if answer.words_by == WordsBy.STAFF else "own words")
            detail = STATE_WORDS[answer.state] + (" - " + ", ".join(extras) if extras else "")
            question = qs.question_text(prompt, info)
            print(f"  {MARKERS[answer.state]:7} {prompt.id:{width}}  {question}  ({detail})")
    total = sum(states.values())
    left = states[PromptState.NOT_STARTED] + states[PromptState.NOT_TODAY]
    print()
    print(
        f"Done: {total - left} of {total} prompts. Left to do: {left}"
        + (
            f" ({states[PromptState.NOT_TODAY]} put off with 'not today')."
            if states[PromptState.NOT_TODAY]
            else "."
        )
    )
    if media:
        print("Media: " + ", ".join(_plural(n, k) for k, n in sorted(media.items())) + ".")
    if project.sessions:
        last = project.sessions[-1]
        print(
            f"Sessions: {len(project.sessions)}, the last on {format_date(last.started)}"
            f" ({', '.join(last.who) or 'no one recorded'})."
        )
    for item in project.missing_media():
        print(
            f"Missing: {item.file} ({item.original_name or 'no name'}) is in the answers but not in the media folder."
        )
    orphans = project.orphan_answers()
    if orphans:
        print(f"Kept: answers to prompts this question set no longer has: {', '.join(orphans)}.")
    from pcpv.consent import export_summary

    for line in export_summary(project):
        print(line)
    return 0


def cmd_answer(args: argparse.Namespace) -> int:
    if not any(
        [args.words is not None, args.choice, args.symbol is not None, args.skip, args.not_today]
    ):
        raise UsageError("Say what to save: --words, --choice, --symbol, --skip or --not-today.")
    with Project.open_for_writing(args.folder) as project:
        prompt_id = args.prompt
        if args.words is not None:
            project.set_words(
                prompt_id, args.words, WordsBy.STAFF if args.staff else WordsBy.PATIENT
            )
        if args.choice:
            project.set_choice(prompt_id, args.choice)
        if args.symbol is not None:
            project.set_symbols(prompt_id, args.symbol)
        if args.skip:
            project.set_state(prompt_id, PromptState.SKIPPED)
        if args.not_today:
            project.set_state(prompt_id, PromptState.NOT_TODAY)
        state = STATE_WORDS[project.answer(prompt_id).state]
    print(f"Saved '{prompt_id}' ({state}).")
    return 0


def cmd_session(args: argparse.Namespace) -> int:
    who = [w.strip() for w in args.who.split(",") if w.strip()]
    with Project.open_for_writing(args.folder) as project:
        entry = project.start_session(who, args.plan)
    print(f"Started a session at {entry.started:%H:%M} with {', '.join(who)}.")
    return 0


def cmd_topic(args: argparse.Namespace) -> int:
    topic = args.topic.strip()
    if not topic:
        raise UsageError("The topic is empty.")
    with Project.open_for_writing(args.folder) as project:
        if not any(s.own_topics for s in project.questions.sections):
            raise UsageError(
                f"The question set '{project.questions.id}' has no place for the patient's own topics.",
                hint="Own topics go with the 'own' question set (pcpv new ... --meeting own).",
            )
        if topic not in project.info.own_topics:
            project.info.own_topics.append(topic)
            project.save_info()
    print(f"Added the topic '{topic}'.")
    return 0
