"""Hypothesis without per-example deadlines: timing belongs to the benchmarks, and the
tests share two cores with another worker."""

from hypothesis import settings

settings.register_profile("shared-cores", deadline=None)
settings.load_profile("shared-cores")
