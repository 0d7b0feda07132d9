"""The wizard's terminal UI (Textual). The only part of pcpv that imports Textual.

``pcpv.ui.app.run_wizard(folder)`` runs it; ``WizardApp`` is the app (tests drive it with
``run_test``). Layout, after Frogmouth: ``app.py`` + ``app.tcss``, ``screens/`` (one module per
screen), ``widgets/`` (shared widgets). ``workbench.py`` holds the rules of changing a project
(saving, undo, media checks) without Textual, and ``recent.py`` the wizard's own settings.
"""
