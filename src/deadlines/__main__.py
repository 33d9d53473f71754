"""``python -m deadlines``: the same as the ``deadlines`` command."""

import sys

from deadlines.cli import main

sys.exit(main())
