"""Scheduled digests: what each chat gets, in what order, posted exactly once."""
