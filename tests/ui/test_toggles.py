"""Ticked and unticked, chosen and not chosen, differ in shape, not only in colour."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import RadioSet

from pcpv.ui.widgets.toggles import ClearCheckbox, ClearRadioButton


class _Toggles(App[None]):
    def compose(self) -> ComposeResult:
        yield ClearCheckbox("Sam", value=True, id="sam")
        yield ClearCheckbox("Nurse", value=False, id="nurse")
        with RadioSet():
            yield ClearRadioButton("Sam's own words", value=True, id="own")
            yield ClearRadioButton("Written by staff", id="staff")


async def test_state_shows_in_the_mark_itself() -> None:
    app = _Toggles()
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        text = {w.id: w.render().plain for w in app.query("ClearCheckbox, ClearRadioButton")}
        assert text["sam"].startswith("▐✓▌") and text["nurse"].startswith("▐ ▌")
        assert text["own"].startswith("▐●▌") and text["staff"].startswith("▐○▌")
        await pilot.click("#staff")
        await pilot.click("#nurse")
        await pilot.pause()
        assert app.query_one("#staff", ClearRadioButton).render().plain.startswith("▐●▌")
        assert app.query_one("#own", ClearRadioButton).render().plain.startswith("▐○▌")
        assert app.query_one("#nurse", ClearCheckbox).render().plain.startswith("▐✓▌")
