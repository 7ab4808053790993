"""python-telegram-bot wiring: the application, its handlers and keyboards."""
