"""``python3 -m jbw``: the jbw command on the Python bindings (see jbw.cli)."""
import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
