"""Stage 3, entities: people, places, organisations and works, with aliases.

Public API:

- ``default_registry() -> EntityRegistry`` (bundled aliases + gazetteer);
  ``EntityRegistry.resolve(name, kind=None) -> Entity | None``; ``.add_aliases_file(path)``.
- ``find_mentions(source, registry=None) -> list[Mention]``.
"""
