"""SQLite through sqlite-utils: the articles and their search index, and the post log.

Each store owns its tables and applies its own migration set at open.
"""
