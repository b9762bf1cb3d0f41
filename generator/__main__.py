"""`python -m generator` and the `gen-graph` command: the CLI (generator/cli.py), with Ctrl-C
handled from the very start. Loading the CLI's modules takes a moment; an interrupt during it
ends the run as one during the run does (status 130, one line, no traceback)."""

import sys

from generator import INTERRUPTED


def run() -> None:
    try:
        from generator.cli import entry
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        raise SystemExit(130) from None
    entry()


if __name__ == "__main__":
    run()
