"""``python -m gimatch``: the command line, as the ``gimatch`` script runs it."""

from .cli import main

main()
