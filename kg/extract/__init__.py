"""Extractors: named pipeline components that turn a Doc into facts.

Importing this package registers every component in
:data:`kg.pipeline.COMPONENTS`. One module per component.
"""

from . import claims, entities, events, roles, time  # noqa: F401
