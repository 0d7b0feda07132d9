"""Commands for after the meeting: feedback (the patient's and the staff's) and meeting history.

``pcpv feedback DIR`` asks the questions one by one with numbered answers when no answers are
given as options, so it works at a plain terminal and with piped input; the options
(``--answer listened=happy ...``, ``--staff --role nurse --useful yes ...``) are for scripts.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from pcpv.commands._args import date_arg
from pcpv.errors import UsageError
from pcpv.feedback import (
    CHANGE_NEXT_TIME,
    SKIP,
    FeedbackAnswer,
    FeedbackForm,
    FeedbackKind,
    Option,
    PatientFeedback,
    StaffResponse,
    TookPart,
    Useful,
    load_feedback_form,
)
from pcpv.meetings import MeetingBook
from pcpv.model import DEFAULT_MEETING_TITLES, MeetingKind, WordsBy
from pcpv.project import Project
from pcpv.questions import format_date

ORDER = 70

Ask = Callable[[str], str]
Say = Callable[[str], None]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "feedback",
        help="after the meeting: record the patient's feedback, or a staff response (--staff)",
        description="With no answers given as options, asks each question in turn.",
    )
    p.add_argument("folder", type=Path)
    p.add_argument(
        "--meeting-date",
        type=date_arg,
        metavar="DATE",
        help="the feedback is about an earlier meeting held on this date (default: the current one)",
    )
    patient = p.add_argument_group("the patient's feedback")
    patient.add_argument(
        "--answer",
        action="append",
        default=[],
        metavar="QUESTION=VALUE",
        help="e.g. listened=happy; faces: happy, ok, sad; any question: skip, dont-know; repeat",
    )
    patient.add_argument("--words", help="what they would change next time, exactly as said")
    patient.add_argument(
        "--staff-words", action="store_true", help="the words were written by staff"
    )
    patient.add_argument(
        "--audio", type=Path, metavar="FILE", help="a recording of what they would change"
    )
    staff = p.add_argument_group("a staff response (role only, never a name)")
    staff.add_argument("--staff", action="store_true", help="record a staff response")
    staff.add_argument("--role", help="your role, e.g. nurse (see the list with --staff)")
    staff.add_argument("--useful", choices=[u.value for u in Useful])
    staff.add_argument("--took-part", choices=[t.value for t in TookPart])
    staff.add_argument("--comment", help="anything else (please write no names)")
    p.set_defaults(handler=cmd_feedback)

    meeting = sub.add_parser("meeting", help="a project's meetings over the years")
    msub = meeting.add_subparsers(title="meeting commands", metavar="COMMAND")
    p = msub.add_parser(
        "new", help="start the next meeting; the answers so far are the starting point"
    )
    p.add_argument("folder", type=Path)
    p.add_argument("--date", type=date_arg, required=True, help="the new meeting's date")
    p.add_argument(
        "--kind", choices=[k.value for k in MeetingKind], help="default: the same kind as now"
    )
    p.add_argument("--title", help="the meeting's name as your service calls it")
    p.set_defaults(handler=cmd_meeting_new)

    p = msub.add_parser("list", help="every meeting of the project, with its feedback")
    p.add_argument("folder", type=Path)
    p.set_defaults(handler=cmd_meeting_list)

    p = msub.add_parser(
        "share-words",
        help="may ward reports quote this project's feedback words? (yes or no; default no)",
    )
    p.add_argument("folder", type=Path)
    p.add_argument("allowed", choices=["yes", "no"])
    p.set_defaults(handler=cmd_share_words)
    meeting.set_defaults(handler=lambda _args: _usage(meeting))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


# -- asking at the terminal ----------------------------------------------------------------------
def _read(ask: Ask) -> str:
    try:
        return ask("> ")
    except EOFError:
        raise UsageError(
            "The answers stopped before the last question, so nothing was saved.",
            hint="Run the command again and answer every question (or pick Skip).",
        ) from None


def choose(options: tuple[Option, ...], ask: Ask, say: Say) -> str:
    """Show numbered options and return the id of the one picked (by number or by id)."""
    for number, option in enumerate(options, 1):
        say(f"  {number}  {option.words}")
    while True:
        reply = _read(ask).strip().lower()
        if reply.isdigit() and 1 <= int(reply) <= len(options):
            return options[int(reply) - 1].id
        if reply in {o.id for o in options}:
            return reply
        say(f"Please type a number from 1 to {len(options)}.")


def ask_patient(form: FeedbackForm, ask: Ask, say: Say) -> PatientFeedback:
    """Ask every patient question in turn; nothing is saved until the last answer."""
    feedback = PatientFeedback()
    total = len(form.questions)
    for number, question in enumerate(form.questions, 1):
        say("")
        say(f"{number} of {total}. {question.question}")
        if question.kind is FeedbackKind.WORDS:
            say("Type their words exactly as said, then press Enter.")
            say("Press Enter on its own to skip.")
            words = _read(ask).strip()
            answer = FeedbackAnswer(value="" if words else SKIP, words=words)
        else:
            answer = FeedbackAnswer(value=choose(question.options, ask, say))
        feedback.answers[question.id] = answer
    return feedback


def ask_staff(form: FeedbackForm, ask: Ask, say: Say) -> StaffResponse:
    """Ask the staff form: role, the two questions, a comment."""
    say("Your role (not your name):")
    role = choose(form.roles, ask, say)
    say("")
    say(form.useful.question)
    useful = Useful(choose(form.useful.options, ask, say))
    say("")
    say(form.took_part.question)
    took_part = TookPart(choose(form.took_part.options, ask, say))
    say("")
    say(form.comment.question)
    say("Press Enter on its own for none.")
    comment = _read(ask).strip()
    return StaffResponse(role=role, useful=useful, took_part=took_part, comment=comment)


# -- handlers ------------------------------------------------------------------------------------
def _parse_answers(form: FeedbackForm, pairs: list[str]) -> dict[str, str]:
    answers = {}
    for pair in pairs:
        question_id, sep, value = pair.partition("=")
        if not sep:
            raise UsageError(
                f"'{pair}' should be written QUESTION=VALUE, like listened=happy.",
                hint=f"The questions are: {', '.join(q.id for q in form.questions)}.",
            )
        question_id = question_id.strip()
        answers[question_id] = form.check_value(question_id, value)
    return answers


def cmd_feedback(args: argparse.Namespace, ask: Ask = input, say: Say = print) -> int:
    form = load_feedback_form()
    patient_options = bool(args.answer or args.words is not None or args.audio)
    staff_options = any(
        v is not None for v in (args.role, args.useful, args.took_part, args.comment)
    )
    if args.staff and patient_options:
        raise UsageError(
            "--staff records a staff response: leave out --answer, --words and --audio."
        )
    if staff_options and not args.staff:
        raise UsageError("--role, --useful, --took-part and --comment go with --staff.")
    answers = {} if args.staff else _parse_answers(form, args.answer)
    if args.role is not None:
        form.role(args.role)
    with Project.open_for_writing(args.folder) as project:
        book = MeetingBook.open(project)
        book.feedback_for(args.meeting_date)  # a wrong date fails before any question is asked
        meeting = project.info.meeting
        when = args.meeting_date or meeting.date
        about = f"{meeting.title}" + (f" on {format_date(when)}" if when else "")
        if args.staff:
            if staff_options:
                response = StaffResponse(
                    role=args.role or "other",
                    useful=Useful(args.useful or Useful.DONT_KNOW.value),
                    took_part=TookPart(args.took_part or TookPart.DONT_KNOW.value),
                    comment=args.comment or "",
                )
            else:
                say(f"Staff response to the {about}.")
                say("Type the number of the answer, then press Enter.")
                response = ask_staff(form, ask, say)
            book.add_staff_response(response, date=args.meeting_date)
            say(f"Saved a staff response ({form.role(response.role).words}).")
            return 0
        if patient_options:
            by = WordsBy.STAFF if args.staff_words else WordsBy.PATIENT
            for question_id, value in answers.items():
                book.set_patient_answer(question_id, value, date=args.meeting_date)
            if args.words is not None:
                value = answers.get(CHANGE_NEXT_TIME, "")
                book.set_patient_answer(
                    CHANGE_NEXT_TIME, value, words=args.words, words_by=by, date=args.meeting_date
                )
            if args.audio:
                book.add_patient_recording(CHANGE_NEXT_TIME, args.audio, date=args.meeting_date)
        else:
            say(f"Feedback after the {about}.")
            say("Type the number of the answer, then press Enter.")
            book.set_patient_feedback(ask_patient(form, ask, say), date=args.meeting_date)
        patient = book.feedback_for(args.meeting_date).patient
        count = len(patient.answers) if patient else 0
        say(f"Saved the patient's feedback ({count} of {len(form.questions)} questions answered).")
    return 0


def cmd_meeting_new(args: argparse.Namespace) -> int:
    kind = MeetingKind(args.kind) if args.kind else None
    with Project.open_for_writing(args.folder) as project:
        past = MeetingBook.open(project).start_new_meeting(args.date, kind=kind, title=args.title)
        new = project.info.meeting
        set_title = project.questions.title
    old_when = format_date(past.meeting.date) or "no date"
    print(f"Kept the {past.meeting.title} ({old_when}) in the project's history.")
    print(f"The new meeting is the {new.title} on {format_date(new.date)}.")
    print(f"The answers so far are the starting point. The question set stays '{set_title}'.")
    return 0


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def cmd_meeting_list(args: argparse.Namespace) -> int:
    project = Project.open(args.folder)
    book = MeetingBook.open(project)
    records = book.meetings()
    print(f"Meetings: {len(records)}")
    for record in records:
        meeting = record.meeting
        kind = DEFAULT_MEETING_TITLES[meeting.kind]
        when = format_date(meeting.date) or "no date"
        patient = record.feedback.patient
        parts = [_count(len(patient.answers), "feedback answer") if patient else "no feedback yet"]
        if record.feedback.staff:
            parts.append(_count(len(record.feedback.staff), "staff response"))
        current = ", current" if record.current else ""
        print(f"  {record.number}. {meeting.title}, {when} ({kind}{current}): {'; '.join(parts)}")
    allowed = "may" if book.data.report.share_words else "may not"
    print(f"Ward reports {allowed} quote this project's feedback words.")
    return 0


def cmd_share_words(args: argparse.Namespace) -> int:
    allowed = args.allowed == "yes"
    with Project.open_for_writing(args.folder) as project:
        MeetingBook.open(project).set_share_words(allowed)
    if allowed:
        print("Ward reports made with --include-words may now quote this project's words.")
    else:
        print("Ward reports will show this project's answers as counts only.")
    return 0
