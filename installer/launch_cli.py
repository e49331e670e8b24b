"""PyInstaller entry script of the console program ``qsm`` (same as the console script)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from qsm_desktop.cli import main

    sys.exit(main())
