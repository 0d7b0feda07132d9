"""One module per group of commands; each has ``register(subparsers)`` and an ``ORDER`` for --help.

Handlers import heavy libraries (python-pptx, Pillow, Textual) inside the function, so that
``pcpv status`` starts fast and ``pcpv build`` never loads the terminal UI.
"""
