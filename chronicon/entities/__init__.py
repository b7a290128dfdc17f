"""Stage 3, entities: people, places, organisations and works, with aliases.

Public API:

- ``default_registry() -> EntityRegistry`` (bundled aliases + CLDR countries + geonames cities);
  ``EntityRegistry.resolve(name, kind=None, lang=None) -> Entity | None``; ``.get(id)``; ``.add(entity)``;
  ``.add_aliases_file(path)``; ``.learn_alias(alias, id)``; ``.overlay()``; ``.periods(id)``.
- ``find_mentions(source, registry=None, *, ner=True) -> list[Mention]``.
- ``person_mentions_before(mentions, offset)``.
- ``name_key`` / ``translit_key``: the normalisation keys used for matching.
"""

from ._normalize import fold, name_key, translit_key
from ._registry import EntityRegistry, Gazetteer, default_registry
from ._mentions import find_mentions, person_mentions_before

__all__ = [
    "EntityRegistry",
    "Gazetteer",
    "default_registry",
    "find_mentions",
    "person_mentions_before",
    "fold",
    "name_key",
    "translit_key",
]
