"""`python -m cstoref`: the same as the console script."""

from .entry import main

main()
