"""Stage 3, actors: articles -> one actor per real entity, and its mentions per article.

Shipped knowledge, the user's registry, name discovery, organisation evidence and
resolution across spellings. Entry: `find_actors(articles, registry)`.
"""

from generator.actors.registry import load_registry
from generator.actors.resolve import ActorResult, Held, Sentences, find_actors

__all__ = ["ActorResult", "Held", "Sentences", "find_actors", "load_registry"]
