"""What F1 shows on each screen, in plain words for a SALT who has never seen pcpv.

Lines are kept under 70 characters so the help reads well in an 80-column terminal.
"""

from __future__ import annotations

KEYS = """\
Keys that work on every screen:
  F1              this help
  F9              display: high contrast, large spacing
  Tab, Shift+Tab  move between boxes, lists and buttons
  Enter           press the button you are on
  Ctrl+Q          save and quit
The mouse works too: click any button, box or row."""

SAFE = """\
Everything is saved as you go, in the project folder.
If the computer is switched off or the window closes,
you lose at most the last key pressed."""

START = f"""\
Start

Choose a project to carry on with, or make a new one.
A project is one folder for one person's deck. pcpv keeps
everything about them in that folder and nowhere else.
This list only remembers where the folders are.

{KEYS}"""

ABOUT = f"""\
About me and the meeting

Fill this in together the first time. You can change it later
with "About me" on the session screen.
  - How I like to be called: the name that goes on the slides.
  - The meeting: its name as your service says it, and its date
    (like 15 January 2027).
  - Who will show the slides: me, my speech and language
    therapist, both of us together, or "I won't be in the room"
    (then the slides speak for me).

{SAFE}

{KEYS}"""

SESSION = f"""\
Today's session

Each time you sit down together:
  1. Tick who is here. Add others by their role
     (nurse, advocate, mum).
  2. Write what you want to do today.
     Press "Start today's session".
  3. Press "Carry on" (F4) to go to the next question to do.
"How far we have got" shows each part, like "3 of 7 done".
Choose a part to go to it.
"Review" (F7) shows the slides so far.
"Make the deck" (F8) writes the PowerPoint file.
"Family copy" (F5) asks, one thing at a time, what the family
may see, and shows what a family copy would hold.
After the meeting date, pcpv offers "How did the meeting go?".
"Feedback" (F6) opens those questions at any time.

{SAFE}

{KEYS}"""

PROMPT = f"""\
A question

The big words at the top are the question for the person.
The note under it is for you, the SALT.
  - Type the answer in the person's own words. Say whose words
    they are: their own, or written by staff. Their own words
    go on the slide exactly as they are. Words written by staff
    get easy-read tips as you type.
  - "Add a file" adds a photo, sound or video. pcpv checks it
    straight away and tells you if it cannot use it.
    "Change words" changes what the chosen file shows.
  - "Choose symbols" suggests pictures for the words. You can
    pick a different one for any word.
  - "Skip": the person does not want to answer.
    "Not today": come back to it another day.
  - Removing a file or a symbol asks first.
    Undo (F2) puts back the last change.

Keys on this screen:
  F2 undo   F3 back   F4 next   F5 skip   F6 not today
  F7 review   Escape: back to the session screen

{SAFE}

{KEYS}"""

MEDIA = f"""\
Add a photo, sound or video

Find the file in the list on the left (Enter opens a folder),
or type where it is in the box.
Photos show a small picture; sounds and videos show how long
they are.
In "What does it show?" write what is in the photo. These words
go on the slide, and are read out to people who cannot see it.
Then press "Add this file".
A file pcpv cannot use is refused straight away, with the
reason. Nothing else is lost.

{KEYS}"""

SYMBOLS = f"""\
Symbols

On the left: the words of the answer, and the symbol pcpv
suggests for each. [x] means the symbol is used.
  - Enter (or a click) on a word turns its symbol on or off.
  - To pick a different symbol: choose the word, search on the
    right, choose a symbol, press "Use for this word".
    pcpv remembers it for this person's deck.
  - "Add as extra" adds a symbol that is not tied to a word.
"Done" keeps your choice. "Cancel" leaves the symbols as they
were.

{KEYS}"""

REVIEW = f"""\
Review

See the deck before it is made:
  - Slides: every slide in order, with what is on it.
  - Still to do: questions not answered yet, or put off with
    "not today".
  - Checker: easy-read tips for words written by staff and for
    what photos show.
Choose any row to go to its question. Escape goes back.
"Family copy" asks what the family may see, one thing at a
time, and shows what a family copy would hold.

{KEYS}"""

BUILD = f"""\
Make the deck

pcpv writes the PowerPoint file into the project folder and
tells you where it is. Then it checks the new deck and lists
anything to look at.
If a photo, sound or video cannot be used, pcpv says which one.
You can change it, or make the deck without it.

{KEYS}"""

DISPLAY = f"""\
Display

High contrast: white writing on black, with yellow frames.
Large spacing: more room around every button and box.
These are kept on this computer, not in the project.

{KEYS}"""

CONFIRM = f"""\
Are you sure?

pcpv asks before it removes anything. "No" leaves everything
as it is. If you remove something by mistake, Undo (F2) on the
question screen puts it back.

{KEYS}"""

CONSENT_START = f"""\
Family copy: before we start

The deck is for the meeting. A copy for family is different:
the person says yes or no for each thing in it, one at a time.
First say, once for today:
  - Who is writing the answers down: your name and role.
  - How the person gives the answers today: said so, pointed,
    signed, nodded, chose a symbol, or wrote it.
  - Who decides: the person, or a best-interest decision
    (then write the role of who made it).
Then press "Start". "Who and how" changes this later.

{KEYS}"""

CONSENT = f"""\
Family copy: one thing at a time

Each thing the family copy could hold is shown large: words,
a photo, a sound or a video. First come their own face and
voice, asked about on their own.
  - For a photo or video, answer the checks first, Yes or No:
    other people, staff, keys or locks or doors or fences or
    cameras, the ward's or hospital's name. Then "Is it you?".
  - Then ask "Can your family see this?": Yes, No or Not sure.
    Not sure keeps it out of the family copy for now.
Each answer is saved straight away, with who wrote it down and
how it was given. A photo with other people, staff or any of
those things in it stays out of the family copy.
  "Ask another day" (F4) goes on without an answer.
  "Back" (F3) goes to the one before. "Summary" (F7) shows
  what the family copy will hold. Escape: back to where you
  started. You can change any answer at any time.

{KEYS}"""

CONSENT_SUMMARY = f"""\
Family copy: what it will hold

"in" lines go in the family copy. "out" lines stay out, with
the reason. Speaker notes are never in a family copy.
To make the copy, at the command line:
  pcpv export FOLDER --family
"Go through the items" asks about each thing again.

{KEYS}"""

FEEDBACK = f"""\
How did the meeting go?

Ask the person after the meeting, one question at a time.
  - Press the face that fits: Happy, OK or Sad.
  - "Skip": they do not want to answer.
    "I don't know": they are not sure.
  - The last question is in their own words. Type them exactly
    as they say them, or mark them "Written by staff".
    "Add a recording" keeps a sound or video of them saying it.
Each answer is saved straight away. Back (F3) and Next (F4)
move between the questions; Escape goes back.
Staff answer a different, shorter form by their role (never
their name). That is done at the command line:
  pcpv feedback FOLDER

{KEYS}"""

CAPTION = f"""\
Change what it shows

These words go on the slide, and are read out to people who
cannot see the photo or video. Write them the way the person
says it. "Save" keeps the new words; Undo (F2) on the question
screen puts the old words back.

{KEYS}"""
