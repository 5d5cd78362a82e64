"""Gold files: the shared ones load; malformed ones are a GoldError naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import GoldError
from kg.evaluate import load_gold, load_gold_dir
from kg.evaluate.runner import evaluate

GOOD = """\
doc: a.txt
title: "Tiêu đề"
published: 2030-05-06
outlet: null
body_first: "Mở đầu"
body_last: "kết thúc."
entities:
  - {name: Alice Ardent, type: Person, aliases: [Ardent]}
  - {name: Acme Corp, type: Organization, aliases: []}
roles:
  - {person: Ardent, role: spokesperson_of, org: Acme Corp}
events:
  - {type: Meeting, where: null, when: "--05-05", participants: [Alice Ardent], evidence: "x"}
claims:
  - {speaker: Alice Ardent, cue: cho biết, when: 2030-05-05, text: "một hai ba"}
must_not: [Zenith]
"""


def write(folder: Path, text: str, name: str = "a.txt.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def test_shared_gold_files_load(gold_dir, gold_unc_dir):
    seeds = load_gold_dir(gold_dir)
    unc = load_gold_dir(gold_unc_dir)
    assert len(seeds) == 5 and len(unc) == 10
    # the counts the gold-unc README states
    assert sum(len(g.entities) for g in unc) == 168
    assert sum(len(g.roles) for g in unc) == 41
    assert sum(len(g.events) for g in unc) == 38
    assert sum(len(g.claims) for g in unc) == 125
    assert all(g.body_first and g.body_last for g in seeds + unc)


def test_good_file_loads_and_resolves_aliases(tmp_path):
    g = load_gold(write(tmp_path, GOOD))
    assert g.doc == "a.txt" and g.published == "2030-05-06"
    assert g.roles[0].person == g.entities[0].names  # "Ardent" resolved to Alice Ardent
    assert g.claims[0].when == "2030-05-05"  # an unquoted YAML date becomes ISO text
    assert g.must_not == ["Zenith"]


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda s: s.replace("doc: a.txt\n", ""), "missing doc"),
        (lambda s: s + "roles: [\n", "not valid YAML"),
        (lambda s: s.replace("type: Meeting", "type: Picnic"), "unknown event type"),
        (lambda s: s.replace("role: spokesperson_of", "role: chef_of"), "unknown role"),
        (lambda s: s.replace("type: Person", "type: Human"), "unknown entity type"),
        (lambda s: s.replace("participants: [Alice Ardent]", "participants: Alice Ardent"), "expected a list"),
        (lambda s: s.replace("participants:", "paricipants:"), "missing participants"),
        (lambda s: s.replace('when: "--05-05"', "when: next week"), "ISO date"),
        (lambda s: s.replace("org: Acme Corp", "org: Nobody Inc"), "not among the file's entities"),
        (lambda s: s.replace('text: "một hai ba"', "text: 123"), "expected a non-empty string"),
        (lambda s: s.replace("doc: a.txt", "doc: [a.txt]"), "doc: expected a non-empty string"),
        (lambda s: "- just\n- a list\n", "expected a mapping"),
    ],
)
def test_malformed_gold_is_an_error_naming_the_file(tmp_path, change, problem):
    p = write(tmp_path, change(GOOD))
    with pytest.raises(GoldError) as err:
        load_gold(p)
    msg = str(err.value)
    assert msg.startswith(f"{p}: ")
    assert problem in msg
    assert "\n" not in msg


def test_missing_article_is_an_error_naming_the_gold_file(tmp_path):
    gold = tmp_path / "gold"
    p = write(gold, GOOD)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    with pytest.raises(GoldError, match=rf"^{p}: doc 'a.txt' is not in "):
        evaluate(gold, corpus)


def test_two_files_for_one_article(tmp_path):
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(GoldError, match="already annotated"):
        load_gold_dir(tmp_path)


def test_cli_gold_errors_are_one_line_and_non_zero(tmp_path):
    gold = tmp_path / "gold"
    write(gold, GOOD.replace("type: Meeting", "type: Picnic"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Mở đầu. kết thúc.", encoding="utf-8")
    r = CliRunner().invoke(cli, ["eval", str(gold), str(corpus), "--json"])
    assert r.exit_code != 0
    lines = r.stderr.strip().splitlines()
    assert lines == [f"kg: error: {gold / 'a.txt.yaml'}: events[0].type: unknown event type 'Picnic' "
                     f"(one of Summit, Meeting, PhoneCall, Negotiation, Interview, PressConference, Statement, "
                     f"Inauguration, Visit, Cyberattack, Attack, Arrest, Sanction, Election, Agreement, Vote)"]
    assert r.stdout == ""

    # the article missing from the corpus
    write(gold, GOOD)
    (corpus / "a.txt").unlink()
    r = CliRunner().invoke(cli, ["eval", str(gold), str(corpus)])
    assert r.exit_code != 0
    assert r.stderr.strip().splitlines() == [f"kg: error: {gold / 'a.txt.yaml'}: doc 'a.txt' is not in {corpus}"]

    # no gold folder at all
    r = CliRunner().invoke(cli, ["eval", str(tmp_path / "nowhere"), str(corpus)])
    assert r.exit_code != 0
    assert len(r.stderr.strip().splitlines()) == 1
