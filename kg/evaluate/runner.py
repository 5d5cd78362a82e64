"""Build each gold article on its own and score it.

Only the files the gold names in ``doc`` are read (a corpus folder may hold
thousands of others), and each is built alone — read, extract, link across
the one-article set, graph — so an article's score never depends on which
other articles happen to be in the set.

All gold files are loaded and checked against the corpus before any article
is built: a typo in the tenth file should fail in a second, not after nine
articles of NLP.

Cross-article linking and the RDF graph are looked up at run time; while one
is missing the evaluation still runs (without the graph, with a warning, the
must_not names are searched in the extraction's own strings).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import ModuleType

from ..errors import GoldError, KgError
from ..model import Article, Extraction
from .gold import GoldArticle, load_gold_dir
from .predicted import Predicted, from_extraction
from .score import Report, score_article

Warn = Callable[[str], None]


def _stderr(msg: str) -> None:
    print(f"kg eval: {msg}", file=sys.stderr)


def _optional(module: str) -> ModuleType | None:
    """Import a stage module if it exists yet; real import errors inside it still raise."""
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name is not None and module.startswith(exc.name):
            return None
        raise


def corpus_path(gold: GoldArticle, corpus_dir: Path) -> Path:
    """The article file a gold file annotates; a missing one is the gold file's error."""
    p = corpus_dir / gold.doc
    if not p.is_file():
        raise GoldError(f"{gold.path}: doc {gold.doc!r} is not in {corpus_dir}")
    return p


def read_article(path: Path, columns: Mapping[str, str] | None = None, passages=None) -> Article:
    """The one article of ``path`` through the project's reader."""
    from ..read import read_file

    articles = read_file(path, columns=columns, passages=passages)
    if len(articles) != 1:
        raise GoldError(f"{path}: holds {len(articles)} articles; a gold file annotates exactly one")
    return articles[0]


def build(article: Article) -> tuple[Extraction, list[str] | None]:
    """Extract, link across the one-article set, and collect the graph's literals.

    Returns the extraction and the string values of every literal of its RDF
    graph, or ``None`` when there is no graph module yet.
    """
    from ..pipeline import process

    x = process(article)
    across = _optional("kg.link.across")
    if across is not None and hasattr(across, "link_across"):
        x = across.link_across([x])[0]
    rdf = _optional("kg.graph.rdf")
    if rdf is None or not hasattr(rdf, "extraction_to_graph"):
        return x, None
    return x, graph_literals(rdf.extraction_to_graph(x))


def graph_literals(graph) -> list[str]:
    """Every literal of an rdflib graph, as text (labels, aliases, claim texts …)."""
    from rdflib import Literal

    out: list[str] = []
    for triple in graph:
        for term in triple:
            if isinstance(term, Literal):
                out.append(str(term))
    return out


def evaluate(
    gold_dir: str | Path,
    corpus_dir: str | Path,
    *,
    progress: Callable[[int, int, str], None] | None = None,
    warn: Warn = _stderr,
    columns: Mapping[str, str] | None = None,
    context: Iterable[str | Path] = (),
) -> Report:
    """Score the extraction of every article a gold folder annotates.

    The articles named by the gold files, and those under ``context``, are the
    evidence of the passages a site glues from one story onto another
    (:func:`kg.read.learn_passages`); each article is still built alone.
    """
    corpus = Path(corpus_dir)
    golds = load_gold_dir(gold_dir)
    if not corpus.is_dir():
        raise GoldError(f"{corpus}: no such corpus folder")
    paths = [corpus_path(g, corpus) for g in golds]
    from ..read import learn_passages

    passages = learn_passages([*context, *paths], columns=columns)
    scores = []
    unreadable: list[str] = []
    warned = False
    for n, (g, path) in enumerate(zip(golds, paths), 1):
        if progress is not None:
            progress(n, len(golds), g.doc)
        try:
            article = read_article(path, columns, passages)
        except KgError as err:  # one unreadable article costs its own figures only
            warn(f"warning: {err}; scored as all missed")
            unreadable.append(g.doc)
            scores.append(score_article(g, Predicted(body="")))
            continue
        x, strings = build(article)
        if strings is None and not warned:
            warned = True
            warn("no RDF graph (kg.graph.rdf); must_not names searched in the extraction's strings")
        scores.append(score_article(g, from_extraction(x, strings)))
    return Report(scores, unreadable)


def evaluate_extractions(golds: Iterable[GoldArticle], extractions: Iterable[Extraction]) -> Report:
    """Score ready-made extractions (same order as ``golds``): for tests and notebooks."""
    return Report([score_article(g, from_extraction(x)) for g, x in zip(golds, extractions, strict=True)])
