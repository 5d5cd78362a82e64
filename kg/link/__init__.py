"""Linking: mentions -> canonical entities, within an article and across articles.

Importing this package registers the ``link`` pipeline component.
"""

from . import within  # noqa: F401
from .across import AliasIndex, link_across

__all__ = ["AliasIndex", "link_across"]
