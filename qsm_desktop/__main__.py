"""``python -m qsm_desktop`` — the desktop window, same as the ``qsm-desktop`` command."""

import sys

from qsm_desktop.app import main

sys.exit(main())
