"""PyInstaller entry script of the console program ``qsm`` (same as the console script)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from qsm_desktop.paths import keep_matplotlib_cache_in_bundle

    keep_matplotlib_cache_in_bundle()  # before matplotlib is imported: one font list per user, not per run
    from qsm_desktop.cli import main

    sys.exit(main())
