"""Stage 3, actors: articles -> one actor per real entity, and its mentions per article.

Shipped knowledge, the user's registry, name discovery, organisation evidence and
resolution across spellings. Entry: `find_actors(articles, registry)`.
"""

from generator.actors.registry import load_registry
from generator.actors.resolve import ActorResult, find_actors

__all__ = ["ActorResult", "find_actors", "load_registry"]
