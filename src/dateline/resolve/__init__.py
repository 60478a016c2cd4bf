"""Entity resolution: every spelling of a name as one entity, with its roles over time.

Countries, places and name keys come from the lexicon (:mod:`dateline.lexicon`), which the
analysis rules read too; this package imports nothing on its own: import from its modules.
"""
