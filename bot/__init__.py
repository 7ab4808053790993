"""newsbot: Persian Smart Brevity articles into Telegram channel digests.

The packages follow the data flow, and imports point one way, down these layers; a
module may import from its own package and from any lower layer, never from a higher
one, and no two modules import each other, even lazily (``tests/test_layering.py``):

0. ``text``: cleaning, half-space repair, sentences, dates; the only package that
   imports hazm. ``schedule``: digest targets and ticks (pure parsing).
1. ``config``: the settings, each parsed once into typed values. ``article``: the
   model, the section registry, the vocabularies, the parser, quotes and summaries
   (pure).
2. ``storage``: SQLite through sqlite-utils (articles and search, the post log).
3. ``pipeline``: load, normalise, parse and ingest files, and the ingest worker.
   ``render``, ``messages``: Telegram HTML and the bot's own words (pure).
4. ``digest``: what each chat gets, exactly once.
5. ``tg``: the python-telegram-bot application, its handlers, views and jobs.
6. ``cli``: the command line, run by ``__main__``.

The Bot API emulator is the separate package ``tgsandbox``, which imports nothing
from ``bot``.
"""
