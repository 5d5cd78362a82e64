"""Build each gold article on its own and score it.

Only the files the gold names in ``doc`` are read (a corpus folder may hold
thousands of others), and each is built alone — read, extract, written into a
store of its own and linked there as ``kg build`` does — so an article's score
never depends on which other articles happen to be in the set. What is scored
is read back from that store with SPARQL (:mod:`kg.evaluate.from_graph`): a
fact the graph does not hold is not counted.

All gold files are loaded and checked against the corpus before any article
is built: a typo in the tenth file should fail in a second, not after nine
articles of NLP.

:func:`build` (the extraction as lists, before the graph) stays for tests
that compare the two.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import ModuleType

from ..clean.article import written_body
from ..errors import GoldError, KgError
from ..model import Article, Extraction
from .gold import GoldArticle, load_gold_dir
from .from_graph import build_article, read_predicted, store_extraction
from .predicted import Predicted
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
        scores.append(score_article(g, predicted(article)))
    return Report(scores, unreadable)


def predicted(article: Article) -> Predicted:
    """What the graph holds for ``article``: built into a store of its own, read back with SPARQL."""
    store = build_article(article)
    try:
        return read_predicted(store, article.id, written_body(article))  # boundaries: the text as written
    finally:
        store.close()


def evaluate_extractions(golds: Iterable[GoldArticle], extractions: Iterable[Extraction]) -> Report:
    """Score ready-made extractions (same order as ``golds``) as ``kg eval`` does: through their graphs."""
    scores = []
    for g, x in zip(golds, extractions, strict=True):
        store = store_extraction(x)
        try:
            scores.append(score_article(g, read_predicted(store, x.article.id, written_body(x.article))))
        finally:
            store.close()
    return Report(scores)
