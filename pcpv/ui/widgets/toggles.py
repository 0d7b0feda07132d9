"""Check boxes and radio buttons whose state shows in their shape, not only in their colour.

Textual draws the same mark for "on" and "off" and tells them apart by colour alone. A patient
with colour blindness, or a washed-out laptop screen, could not see which is chosen, so these
draw a tick or a filled dot when on and an empty box or ring when off.
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class ClearCheckbox(Checkbox):
    """A check box that shows ✓ when ticked and a blank when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override] - Textual's own name
        return "✓" if self.value else " "


class ClearRadioButton(RadioButton):
    """A radio button that shows ● when chosen and ○ when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override] - Textual's own name
        return "●" if self.value else "○"
