"""The extraction pipeline: named components run in order over one article.

Modelled on spaCy's pipeline: each component is a callable registered under a
name in :data:`COMPONENTS`; :func:`extract` runs them in :data:`DEFAULT_PIPELINE`
order over a :class:`~kg.model.Doc` and an :class:`~kg.model.Extraction` that
they fill in. Adding an extractor is one module with one
``@COMPONENTS.register("name")`` line plus its name in the pipeline list.

Components never import ``kg.graph``, ``kg.export`` or ``kg.cli``: their
output is plain records.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from .model import Article, Doc, Extraction
from .registry import Registry

Component = Callable[[Doc, Extraction], None]

COMPONENTS: Registry[Component] = Registry("pipeline component")

# entities: mentions of actors (underthesea NER + lexicons, with NER fixes)
# link:     mentions -> canonical entities within the article
# time:     date expressions normalised against the published date
# roles, events, claims: the facts, referring to Entity ids
DEFAULT_PIPELINE: tuple[str, ...] = ("entities", "link", "time", "roles", "events", "claims")

_loaded = False


def load_components() -> None:
    """Import the modules that register components (once)."""
    global _loaded
    if _loaded:
        return
    from . import extract, link  # noqa: F401  (registration side effects)

    _loaded = True


def extract(doc: Doc, pipeline: Sequence[str] = DEFAULT_PIPELINE) -> Extraction:
    """Run the named components over one analysed article."""
    load_components()
    found = Extraction(article=doc.article)
    for name in pipeline:
        COMPONENTS.get(name)(doc, found)
    return found


def process(article: Article, pipeline: Sequence[str] = DEFAULT_PIPELINE) -> Extraction:
    """Article -> NLP -> extraction: everything that can run per article, in a worker."""
    from .nlp import analyse

    return extract(analyse(article), pipeline)


def process_all(articles: Iterable[Article]) -> list[Extraction]:
    return [process(a) for a in articles]
