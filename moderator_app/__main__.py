"""`python -m moderator_app` does what the `moderator-app` script does."""

import multiprocessing
import sys

if __name__ == "__main__":
    # In the bundle, the comment writer's process starts as this executable again.
    multiprocessing.freeze_support()
    from moderator_app.cli import main

    sys.exit(main())
