"""cstoref: a bilingual command-line reference on the Collective Security Treaty Organization."""

__version__ = "0.1.0"
