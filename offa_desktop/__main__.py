import multiprocessing
import sys

from offa_desktop.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # the bundle's printing pool re-runs this executable
    sys.exit(main())
