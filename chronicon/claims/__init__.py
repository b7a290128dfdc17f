"""Stage 4, claims: typed, dated event claims with their evidence.

Public API:

- ``extract_claims(source, timexes, mentions) -> list[Claim]``: the claims of one
  source, from the time and entities stages' output for it.
- ``available_langs()``: languages with a claim lexicon (``data/<lang>.yaml``).
"""

from ._extract import extract_claims
from ._lexicon import available_langs, load_lexicon

__all__ = ["available_langs", "extract_claims", "load_lexicon"]
