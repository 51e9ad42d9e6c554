"""`dlkata` and `python -m dlkata`: the language first, so that every word is in it (the
command-line help too, which is made when the commands are defined), then the command."""

from __future__ import annotations

import os
import sys

from dlkata import i18n
from dlkata.language import decide


def main() -> None:
    i18n.use(decide(sys.argv[1:], os.environ))
    from dlkata.cli import main as run

    run()


if __name__ == "__main__":
    main()
