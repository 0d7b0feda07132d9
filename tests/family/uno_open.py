"""Open a deck in LibreOffice through its UNO bridge, with an optional password, and print the
number of slides ("SLIDES n") or "NOT LOADED".

Run with the system Python that has LibreOffice's ``uno`` module (Debian: python3-uno), not with
pcpv's virtual environment: ``/usr/bin/python3 uno_open.py DECK PROFILE_URL [PASSWORD]``.
"""

import contextlib
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    item = PropertyValue()
    item.Name = name
    item.Value = value
    return item


def main():
    deck, profile = sys.argv[1], sys.argv[2]
    password = sys.argv[3] if len(sys.argv) > 3 else ""
    pipe = f"pcpv-test-{os.getpid()}"
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        context = None
        for _ in range(240):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.25)
        if context is None:
            print("NO OFFICE")
            return
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context
        )
        props = [prop("Hidden", True)]
        if password:
            props.append(prop("Password", password))
        try:
            doc = desktop.loadComponentFromURL(
                uno.systemPathToFileUrl(deck), "_blank", 0, tuple(props)
            )
        except Exception:
            doc = None
        if doc is None:
            print("NOT LOADED")
        else:
            print("SLIDES", doc.getDrawPages().getCount())
            doc.close(True)
        with contextlib.suppress(Exception):
            desktop.terminate()
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


main()
