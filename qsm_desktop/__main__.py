"""``python -m qsm_desktop`` — the desktop window, same as the ``qsm-desktop`` command."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # report batches run in spawned workers (a no-op unless frozen)
    from qsm_desktop.app import main

    sys.exit(main())
