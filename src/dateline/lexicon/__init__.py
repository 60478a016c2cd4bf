"""The words every stage reads, kept once: the bottom of the package graph.

- :mod:`.calendar`: month and weekday names and their abbreviations;
- :mod:`.numbers`: number words, multipliers and scale words;
- :mod:`.names`: ranks, honorifics, name folding and name keys;
- :mod:`.places`: countries with their aliases, demonyms and capitals, facility types.

These modules import nothing from the rest of ``dateline`` (only each other), so any
stage may use them without an import cycle. Each stage derives the forms it needs (a
regex, a lower-case set) from these tables instead of writing the words again.
"""
