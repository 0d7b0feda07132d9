"""Build the example projects from nothing, with the pcpv command line, the way a SALT would.

Run:  python examples/build_examples.py [OUT_DIR]   (default: examples/, beside this script)

It makes the media with ``make_media.py``, then creates 3 projects by calling ``python -m pcpv``
step by step, all in a scratch folder; only when every step has worked do they replace the old ones:

- ``examples/sam-ctr/``: Sam's Care and Treatment Review. Sam shows the slides together with the
  SALT.
- ``examples/alex-cpa/``: Alex's review meeting (the CPA set, with the service's own meeting name).
  Alex does not want to present in front of lots of people, so the SALT shows the slides.
- ``examples/jo-own/``: Jo's own slides, just begun: Jo's own topics, no meeting date yet, and Jo
  won't be in the room.

Between them they use every kind of answer: the patient's own words and staff's words, choices,
symbols, photos, sounds, a short video, a skipped prompt, a "not today" prompt and prompts not
started yet. Sam, Alex and Jo are made-up people; make_media.py draws every picture and sound.

An existing example folder is replaced only if it is a pcpv project (it has a project.yaml).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent
REPO = EXAMPLES.parent
EXAMPLE_NAMES = ("sam-ctr", "alex-cpa", "jo-own")

sys.path.insert(0, str(EXAMPLES))
from make_media import make_media  # noqa: E402  (a script beside this one, not a package)


def pcpv(*args: str | Path) -> str:
    """Run one pcpv command as a user would; stop the build with pcpv's own message if it fails."""
    command = [sys.executable, "-m", "pcpv", *map(str, args)]
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        shown = " ".join(map(str, args))
        raise SystemExit(f"pcpv {shown}\nfailed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def check_replaceable(folder: Path) -> None:
    """Stop unless ``folder`` is absent or a pcpv project (which the build may replace)."""
    if folder.exists() and not (folder / "project.yaml").is_file():
        raise SystemExit(f"{folder} exists and is not a pcpv project: not touching it.")


def answer(
    p: Path,
    prompt: str,
    words: str | None = None,
    *,
    staff: bool = False,
    choice: str | None = None,
    symbols: list[str] | None = None,
    skip: bool = False,
    not_today: bool = False,
) -> None:
    """``pcpv answer``: the words are the patient's own unless ``staff``."""
    args: list[str | Path] = ["answer", p, prompt]
    if words is not None:
        args += ["--words", words]
    if staff:
        args.append("--staff")
    if choice is not None:
        args += ["--choice", choice]
    for ref in symbols or []:
        args += ["--symbol", ref]
    if skip:
        args.append("--skip")
    if not_today:
        args.append("--not-today")
    pcpv(*args)


def add(p: Path, prompt: str, file: Path, caption: str) -> None:
    """``pcpv media add`` with a caption (the slide's words and alt text for the file)."""
    pcpv("media", "add", p, prompt, file, "--caption", caption)


def build_sam(p: Path, media: Path) -> None:
    """Sam, 2 sessions before a Care and Treatment Review on 15 January 2027."""
    pcpv("new", p, "--name", "Sam", "--meeting", "ctr", "--date", "2027-01-15")

    pcpv("session", p, "--who", "patient,SALT", "--plan", "Start my slides: about me and am I safe")
    answer(p, "my-name", "Sam. Not Samuel. Only my nan calls me Samuel.")
    answer(p, "things-i-like", "Playing my guitar. Football. Getting a paper from the shop.")
    add(
        p,
        "things-i-like",
        media / "football-pitch.jpg",
        "The football pitch where I play on Fridays",
    )
    add(p, "things-i-like", media / "favourite-tune.wav", "A tune I play on my guitar")
    answer(
        p, "important-to-me", "My nan. My dog Bella. My guitar.", symbols=["heart", "dog", "guitar"]
    )
    answer(p, "talk-with-me", "Talk slow. One thing at a time. Don't shout at me.")
    answer(
        p,
        "feel-safe",
        "I feel safe in my room. Not when it kicks off on the ward.",
        choice="Sometimes",
        symbols=["safe", "bedroom", "noise"],
    )
    answer(
        p, "treated-well", "Most of the staff are canny. They have a laugh with me.", choice="Yes"
    )
    answer(
        p,
        "when-upset",
        "Sam goes to his room and plays his guitar. Staff give him 10 minutes, then knock.",
        staff=True,
        symbols=["guitar", "quiet"],
    )
    answer(p, "held-or-apart", skip=True)
    answer(p, "tell-someone", "My named nurse. Or I ring my advocate.")
    answer(p, "my-advocate", "She comes on a Tuesday.", choice="Yes")

    pcpv("session", p, "--who", "patient,SALT,nurse", "--plan", "Photos of my room and my plans")
    answer(
        p, "care-helping", "The anger group helps. I don't like the talking ones.", choice="A bit"
    )
    answer(
        p, "change-my-care", "Less talking groups. More music. Staff to knock before they come in."
    )
    add(p, "my-room", media / "bedroom-guitar.jpg", "My room. My guitar is by the wall.")
    answer(p, "my-room", "It's my space. I keep it tidy.")
    answer(
        p,
        "my-medicine",
        "Sam takes a tablet in the morning for his mood. "
        "He takes another at night to help him sleep.",
        staff=True,
    )
    add(p, "keep-well", media / "garden.jpg", "The garden where I walk every day")
    add(p, "keep-well", media / "my-goal.mp4", "My goal at football on Friday")
    answer(p, "keep-well", "I walk round the garden. Football on a Friday. I scored!")
    answer(
        p, "listened-to", "When I'm calm they listen. When I shout they don't.", choice="Sometimes"
    )
    answer(p, "my-section", not_today=True)
    add(p, "my-goals", media / "kitchen.jpg", "The kitchen where I practise cooking")
    answer(p, "my-goals", "Cook my own tea. Get my leave back.")
    add(p, "going-out", media / "bus.jpg", "The bus I get into town")
    answer(p, "going-out", "I went on the bus to town with staff. I got new strings for my guitar.")
    answer(p, "learn-or-work", "I want to work in a music shop.", symbols=["music", "shop", "work"])
    answer(p, "people-in-my-life", "My nan. My brother. Bella my dog.")
    answer(
        p,
        "good-home",
        "A flat with a garden. Near my nan. Not noisy.",
        symbols=["home", "garden", "quiet"],
    )
    answer(p, "good-support", "Staff who like music. Staff who don't rush me.")
    answer(p, "before-i-leave", "Stay calm for longer. Get my leave back. Then visit a flat.")
    answer(p, "worries-moving", "Being on my own at night.")
    answer(
        p,
        "want-next",
        "More leave. See my nan at Christmas.",
        symbols=["bus", "family", "Christmas"],
    )
    answer(
        p,
        "who-can-help",
        "Sam's named nurse will ask the team about leave. "
        "His social worker will help plan a visit to his nan.",
        staff=True,
    )
    answer(p, "anything-else", "I've worked hard this year. I want people to see that.")
    answer(p, "my-thank-you", "Cheers everyone!", symbols=["thank you"])
    # Left for the next session on purpose: my-tribunal, my-say (not started).


def build_alex(p: Path, media: Path) -> None:
    """Alex, 3 sessions before a review the service calls "Care review", on 3 February 2027."""
    who = ["--name", "Alex", "--presenter", "salt"]
    meeting = ["--meeting", "cpa", "--date", "2027-02-03", "--meeting-title", "Care review"]
    pcpv("new", p, *who, *meeting)

    pcpv("session", p, "--who", "patient,SALT", "--plan", "About me and my views")
    answer(p, "my-name", "Alex. Or Al.")
    add(p, "things-i-like", media / "kitchen.jpg", "The kitchen where I do baking")
    answer(p, "things-i-like", "Baking. Cakes are my favourite. Music on loud.")
    answer(
        p,
        "important-to-me",
        "My mam. My cat Smudge. Going home one day.",
        symbols=["mum", "cat", "home"],
    )
    answer(
        p,
        "talk-with-me",
        "Ask Alex 1 short question at a time. Give Alex time to think. "
        "Pictures help Alex. Please don't talk over Alex.",
        staff=True,
    )
    answer(p, "feel-here", "It's alright. I miss home.", choice="OK")
    answer(p, "going-well", "I go to baking group. I made a cake for everyone.")
    answer(p, "not-going-well", "The noise. People kicking off. I can't sleep.")
    answer(p, "listened-to", choice="Sometimes")
    answer(p, "talk-first", "My leave.", symbols=["bus"])

    pcpv("session", p, "--who", "patient,SALT", "--plan", "My day, my health and going out")
    add(p, "since-last-time", media / "calendar.jpg", "My calendar. The green dots are good days.")
    answer(p, "since-last-time", "Better. More good days.", choice="Good")
    answer(p, "hard-things", not_today=True)
    add(p, "what-helps-me", media / "favourite-tune.wav", "The song that calms me down")
    answer(p, "what-helps-me", "Music in my headphones. A cup of tea with staff.")
    answer(
        p,
        "my-goals-now",
        "Alex goes to baking group every week. Alex is learning to use the bus with staff.",
        staff=True,
    )
    add(p, "my-week", media / "my-goal.mp4", "Football on a Friday. Goal!")
    answer(p, "my-week", "Monday baking. Wednesday college. Friday football.")
    add(p, "enjoy-most", media / "football-pitch.jpg", "The football pitch")
    answer(p, "enjoy-most", "Football with the lads.", symbols=["football"])
    answer(p, "do-more", "More football. Swimming.")
    answer(
        p,
        "my-medicine",
        "Alex takes medicine in the morning and at night. It helps Alex feel calmer.",
        staff=True,
    )
    answer(p, "medicine-feel", "It makes me hungry. And sleepy in the morning.", choice="OK")
    add(p, "body-healthy", media / "garden.jpg", "The garden where I walk")
    answer(p, "body-healthy", "Football. Walking in the garden.")
    answer(p, "health-worries", skip=True)
    answer(p, "my-leave", "With 2 staff. To the shop and the park.", choice="Yes")
    add(p, "favourite-places", media / "bus.jpg", "The bus into town")
    answer(p, "favourite-places", "Town on the bus. The café.")
    answer(p, "leave-next", "Go see my mam. On the train.")

    pcpv("session", p, "--who", "patient,SALT,nurse", "--plan", "Family, moving on and my meeting")
    answer(p, "my-people", "My mam. Smudge. My mate from college.")
    answer(p, "keep-in-touch", "I ring my mam on a Sunday. She comes every month.")
    add(p, "family-know", media / "message-for-mam.wav", "A message for my mam")
    answer(p, "family-know", "Love you mam. I'm doing canny.")
    answer(
        p, "live-next", "A house with my own kitchen. Near my mam.", symbols=["house", "kitchen"]
    )
    answer(p, "learn-before-moving", "Cooking my tea. Money. The bus on my own.")
    answer(
        p,
        "my-section",
        "Alex knows the name of the section. Alex wants help to understand what it means.",
        choice="A bit",
        staff=True,
    )
    answer(p, "my-advocate", choice="I have one")
    answer(p, "meeting-know", "I want to go home one day. I'm trying my best.")
    answer(p, "meeting-decide", "Can I have leave to see my mam?")
    answer(
        p,
        "how-take-part",
        "Too many people. My speech therapist can show them. I'll listen.",
        choice="Staff show them",
    )
    answer(p, "want-next", "Leave to see my mam. More football.", symbols=["mum", "football"])
    answer(
        p,
        "who-can-help",
        "Alex's social worker will talk to the team about leave to visit home.",
        staff=True,
    )
    answer(p, "anything-else", "No. That's everything.")
    answer(p, "my-thank-you", "Ta for listening.", symbols=["thank you"])


def build_jo(p: Path, media: Path) -> None:
    """Jo, 1 session, their own topics and no meeting date yet. Jo won't be in the room."""
    who = ["--name", "Jo", "--presenter", "not-in-room"]
    pcpv("new", p, *who, "--meeting", "own", "--topic", "Football")
    pcpv("session", p, "--who", "patient,SALT", "--plan", "Choose my own topics")
    pcpv("topic", p, "My music")
    answer(p, "my-name", "Jo.")
    answer(
        p, "my-topics-football", "I support the Magpies. I play on a Friday.", symbols=["football"]
    )
    add(p, "my-topics-football", media / "football-pitch.jpg", "Where we play football")
    add(p, "my-topics-my-music", media / "favourite-tune.wav", "My favourite tune")
    answer(p, "my-topics-my-music", "This one makes me happy.")
    answer(p, "why-these-slides", "So people know me. Not just my notes.")
    answer(p, "how-take-part", choice="I will not be there")
    answer(p, "things-i-like", not_today=True)
    answer(p, "important-to-me", skip=True)
    # The rest is not started: Jo is only beginning.


def main(argv: list[str]) -> int:
    out = Path(argv[0]).resolve() if argv else EXAMPLES
    folders = [out / name for name in EXAMPLE_NAMES]
    for folder in folders:
        check_replaceable(folder)
    for set_id in ("ctr", "cpa", "own"):
        pcpv("questions", "check", REPO / "templates" / set_id)
    out.mkdir(parents=True, exist_ok=True)
    # Build everything in a scratch folder first: if a step fails, the old examples stay whole.
    with tempfile.TemporaryDirectory(dir=out, prefix=".building-") as scratch:
        media = Path(scratch) / "media"
        make_media(media)
        builders = (build_sam, build_alex, build_jo)
        for folder, build in zip(folders, builders, strict=True):
            build(Path(scratch) / folder.name, media)
        for folder in folders:
            if folder.exists():
                shutil.rmtree(folder)
            (Path(scratch) / folder.name).rename(folder)
    for folder in folders:
        print(pcpv("status", folder))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
