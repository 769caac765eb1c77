import sys

from offa_desktop.cli import main

sys.exit(main())
