"""Entity resolution: every spelling of a name as one entity, with its roles over time.

The alias tables (:mod:`dateline.resolve.aliases`) are plain data that the analysis rules
use too, so this package imports nothing on its own: import from its modules.
"""
