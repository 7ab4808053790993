"""``python -m bot``: the newsbot command line."""

from bot.cli import main

main()
