"""PyInstaller entry script of the windowed program ``qsm-desktop`` (same as the gui-script)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from qsm_desktop.paths import keep_matplotlib_cache_in_bundle

    keep_matplotlib_cache_in_bundle()  # before matplotlib is imported: one font list per user, not per run
    from qsm_desktop.app import main

    sys.exit(main())
