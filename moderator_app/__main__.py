"""`python -m moderator_app` does what the `moderator-app` script does."""

import sys

from moderator_app.cli import main

sys.exit(main())
