"""Analysis of clean article text: temporal expressions and their resolution."""
