"""Article files into the store: load (encodings, size), normalise, parse, ingest.

``worker`` runs ingest in a child process for the bot and reads its JSON lines.
"""
