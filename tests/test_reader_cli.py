"""What a reader of the CLI sees: human dates, each fact once, examples that work, honest counts."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from test_build_support import copy_seeds_store, seeds_build

from kg.cli import cli
from kg.humandate import human_date, looks_like_xsd_date
from kg.query.output import cell
from kg.resources import queries_dir

XSD = "http://www.w3.org/2001/XMLSchema#"


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(cli, list(args))
    return r.exit_code, r.stdout, r.stderr


# --------------------------------------------------------------------------- human dates


@pytest.mark.parametrize("xsd, human", [
    ("2025-06-29", "29/6/2025"), ("--06-29", "29/6"), ("--01-05", "5/1"), ("2021-06-17T08:30:00", "17/6/2021 08:30"),
    ("2021-06-17T00:00:00", "17/6/2021"), ("2021-06-17T08:30:00+07:00", "17/6/2021 08:30"), ("2025-06", "6/2025"),
    ("2025", "2025"), ("hôm 29/6", "hôm 29/6"), ("", ""),
])
def test_human_date_forms(xsd: str, human: str) -> None:
    assert human_date(xsd) == human


def test_table_cells_show_dates_humanly_and_other_literals_as_they_are() -> None:
    assert cell(ox.Literal("--06-29", datatype=ox.NamedNode(XSD + "gMonthDay"))) == "29/6"
    assert cell(ox.Literal("2025-06-29", datatype=ox.NamedNode(XSD + "date"))) == "29/6/2025"
    assert cell(ox.Literal("2021-06-17T08:30:00", datatype=ox.NamedNode(XSD + "dateTime"))) == "17/6/2021 08:30"
    assert cell(ox.Literal("--06-29")) == "29/6"  # STR(?date) in a query: still a date to the reader
    assert cell(ox.Literal("ngày 29-6")) == "ngày 29-6"
    assert cell(ox.Literal("2025-06-29", language="vi")) == "2025-06-29"  # text that happens to look like a date
    assert cell(ox.Literal("12", datatype=ox.NamedNode(XSD + "integer"))) == "12"
    assert looks_like_xsd_date("--06-29") and not looks_like_xsd_date("29/6")


def test_query_table_reads_29_6_and_csv_keeps_xsd() -> None:
    out, _ = seeds_build()
    q = "SELECT DISTINCT ?d WHERE { ?e a kg:Event ; kg:date ?d } ORDER BY ?d"
    code, table, _ = run("query", q, "--store", str(out / "store"))
    assert code == 0
    code, csv, _ = run("query", q, "--store", str(out / "store"), "--format", "csv")
    xsd = csv.split()[1:]
    assert "--06-29" in xsd and "2021-12-31" in xsd
    assert "29/6" in table and "31/12/2021" in table
    assert "--06-29" not in table and "2021-12-31" not in table
    code, js, _ = run("query", q, "--store", str(out / "store"), "--format", "json")
    assert '"--06-29"' in js


# --------------------------------------------------------------------------- each fact once


def _outer_select(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("SELECT"))


def test_every_canned_query_and_example_selects_distinct() -> None:
    for path in sorted(queries_dir().glob("*.rq")):
        assert _outer_select(path.read_text(encoding="utf-8")).startswith("SELECT DISTINCT"), path.name
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    examples = re.findall(r"kg query '(SELECT[^']*)'", readme)
    assert examples and all(q.startswith("SELECT DISTINCT") for q in examples)
    assert "bag" in readme  # and says why
    code, help_text, _ = run("query", "--help")
    assert all(q.startswith("SELECT DISTINCT") for q in re.findall(r"kg query '(SELECT[^']*)'", help_text))


def test_plain_select_repeats_a_fact_distinct_does_not() -> None:
    """Why DISTINCT: Peskov → Kremlin is stated by several seed articles (the union graph is a bag)."""
    out, _ = seeds_build()
    plain = "SELECT ?who ?org WHERE { ?who kg:spokesperson_of ?org }"
    _, a, _ = run("query", plain, "--store", str(out / "store"), "--format", "csv")
    _, b, _ = run("query", plain.replace("SELECT", "SELECT DISTINCT"), "--store", str(out / "store"), "--format", "csv")
    rows_a, rows_b = a.strip().splitlines()[1:], b.strip().splitlines()[1:]
    assert len(rows_a) > len(rows_b) == len(set(rows_b)) == len(set(rows_a))


def test_canned_queries_list_no_row_twice() -> None:
    out, _ = seeds_build()
    for path in sorted(queries_dir().glob("*.rq")):
        code, csv, err = run("query", "--name", path.stem, "--store", str(out / "store"), "--format", "csv")
        assert code == 0, err
        rows = csv.strip().splitlines()[1:]
        assert len(rows) == len(set(rows)), path.stem


# --------------------------------------------------------------------------- examples that work


def _example_article_ids() -> set[str]:
    """Ids of the articles of examples/ (what `kg build examples/` stores), read without extraction."""
    from kg.read import read_articles

    examples = Path(__file__).resolve().parents[1] / "examples"
    return {a.id for a in read_articles([examples])}


def test_documented_example_ids_exist_in_the_sample_store() -> None:
    ids = _example_article_ids()
    text = (queries_dir() / "article-assertions.rq").read_text(encoding="utf-8")
    bound = re.search(r"e\.g\. kga:(\w+)", text).group(1)
    assert bound in ids
    _, help_text, _ = run("remove", "--help")
    for ref in re.findall(r"kg remove ([^\s]+)", help_text):
        if re.fullmatch(r"[0-9a-f]{16}", ref):
            assert ref in ids, ref
        elif ref.endswith((".txt", ".jsonl", ".html")):
            assert (Path(__file__).resolve().parents[1] / "examples" / Path(ref).name).is_file(), ref


def test_a_bound_article_missing_from_the_store_is_a_warning() -> None:
    out, _ = seeds_build()
    store = str(out / "store")
    code, stdout, stderr = run("query", "--name", "article-assertions", "--bind", "article=kga:000_4e6d4f8cfed23223",
                               "--store", store)
    assert code == 0 and "0 rows" in stdout
    assert "kg: warning: article=kga:000_4e6d4f8cfed23223: no such article in the store" in stderr
    from kg.graph.store import Store

    with Store(store, read_only=True) as s:
        aid = sorted(s.article_ids())[0]
    code, stdout, stderr = run("query", "--name", "article-assertions", "--bind", f"article=kga:{aid}",
                               "--store", store, "--format", "csv")
    assert code == 0 and stderr == "" and len(stdout.strip().splitlines()) > 1
    code, _, stderr = run("query", "--name", "roles-of-person", "--bind", "person=kgd:Nobody_Here", "--store", store)
    assert code == 0 and "person=kgd:Nobody_Here: does not occur in the store" in stderr


def test_remove_accepts_a_file_name(tmp_path: Path) -> None:
    from kg.graph.store import Store

    store = copy_seeds_store(tmp_path)
    with Store(store, read_only=True) as s:
        sources = s.article_sources()
    aid, source = sorted(sources.items(), key=lambda kv: kv[1])[1]
    name = Path(source).name
    code, stdout, stderr = run("remove", name, "--store", str(store), "--no-exports")
    assert code == 0, stderr
    assert stdout.strip() == f"removed {aid}"
    code, _, stderr = run("remove", name, "--store", str(store), "--no-exports")
    assert code == 1 and f"{name}: no such article in the store" in stderr
    with Store(store, read_only=True) as s:
        assert aid not in s.article_ids() and len(s.article_ids()) == len(sources) - 1


def test_a_build_that_reads_nothing_keeps_the_exports(tmp_path: Path) -> None:
    out, _ = seeds_build()
    target = tmp_path / "out"
    shutil.copytree(out, target)
    before = {name: (target / name).read_bytes() for name in ("graph.ttl", "explorer.html")}
    code, stdout, stderr = run("build", str(tmp_path / "nonexistent"), "--out", str(target))
    assert code == 1 and "nothing could be read" in stderr
    assert {name: (target / name).read_bytes() for name in before} == before
    assert "left as they were" in stdout


def test_progress_shows_the_file_name() -> None:
    from kg.build import _progress_label

    assert _progress_label("/data/corpora/unc/news_world_001.txt") == "news_world_001.txt"
    assert _progress_label("../shared/corpora/interviews.jsonl:12") == "interviews.jsonl:12"
    long = "/x/" + "a" * 30 + "_very_long_name_" + "b" * 30 + ".html"
    label = _progress_label(long)
    assert len(label) == 40 and label.startswith("aaaa") and label.endswith(".html") and "…" in label


def test_counts_say_quads_or_distinct_triples(tmp_path: Path) -> None:
    from kg.graph.store import Store

    store = copy_seeds_store(tmp_path)
    with Store(store, read_only=True) as s:
        quads = s.quad_count()
    code, stdout, _ = run("validate", "--store", str(store))
    assert code == 0 and "distinct triples (all graphs merged, the ontology apart) conform" in stdout
    r = CliRunner().invoke(cli, ["export", "--store", str(store), "--format", "nq", "-o", str(tmp_path / "g.nq")])
    assert f"{quads} quads" in r.stderr
    assert len((tmp_path / "g.nq").read_text(encoding="utf-8").splitlines()) == quads
    r = CliRunner().invoke(cli, ["export", "--store", str(store), "--format", "nt", "-o", str(tmp_path / "g.nt")])
    n = len((tmp_path / "g.nt").read_text(encoding="utf-8").splitlines())
    assert f"{n} distinct triples" in r.stderr and n < quads
