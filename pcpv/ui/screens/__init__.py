"""The wizard's screens: one module per screen (dialogs share ``dialogs.py``)."""
