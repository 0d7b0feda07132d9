"""``python -m pcpv`` runs the command line, for machines where the ``pcpv`` script is not on PATH."""

import sys

from pcpv.cli import main

sys.exit(main())
