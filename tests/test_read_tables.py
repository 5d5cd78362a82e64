"""Tables of articles (.csv/.tsv/.jsonl/.ndjson): one article per row, columns by
their usual names or --columns, streamed, stable ids, bad rows skipped by file:row.

The rows are this project's own sentences, in the shape a news crawler writes.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.errors import InputError
from kg.graph.rdf import extraction_to_graph
from kg.model import Extraction
from kg.read import count_inputs, read_articles, read_file
from kg.read.table import parse_columns, url_id

HEADER = ["Source", "URL", "Category", "Keyword", "Time", "Title", "Content"]
BODY_A = (
    "Bộ trưởng Ngoại giao hai nước đã gặp nhau tại Vienna để bàn về an ninh khu vực. "
    "Hai bên nhất trí sẽ tiếp tục đối thoại trong những tháng tới."
)
BODY_B = (
    "Quốc hội nước này đã thông qua dự luật về thuế nhập khẩu sau nhiều tuần tranh luận. "
    "Các nghị sĩ đối lập cho rằng luật mới sẽ làm tăng giá hàng hóa."
)
BODY_C = (
    "Thủ tướng cho biết chính phủ sẽ lập một ủy ban điều tra vụ việc. "
    "Ông kêu gọi người dân bình tĩnh chờ kết quả chính thức."
)
ROWS = [
    ["Tuoi tre", "https://example.org/a-1.htm", "Thế giới", "Vienna,an ninh", "28/10/2025 20:10 GMT+7", "Hai ngoại trưởng gặp nhau", BODY_A],
    ["ZNews", "https://example.org/b-2.html", "Chính trị", "thuế", "Thứ tư, 12/11/2025 21:08 (GMT+7)", "Thông qua luật thuế", BODY_B],
    ["VN Express", "https://example.org/c-3.html", "Thời sự", "", "Thứ hai, 3/11/2025, 14:52 (GMT+7)", "Lập ủy ban điều tra", BODY_C],
]


def _csv(path: Path, rows: list[list[str]], header: list[str] = HEADER, delimiter: str = ",",
         newline: str = "\n", bom: bool = False) -> Path:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator=newline)
    w.writerow(header)
    w.writerows(rows)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8"))
    return path


def test_csv_rows_are_articles_with_metadata(tmp_path: Path) -> None:
    p = _csv(tmp_path / "crawl.csv", ROWS)
    a, b, c = read_file(p)
    assert [x.source for x in (a, b, c)] == [f"{p}:2", f"{p}:3", f"{p}:4"]
    assert [x.published for x in (a, b, c)] == ["2025-10-28T20:10", "2025-11-12T21:08", "2025-11-03T14:52"]
    assert [x.outlet for x in (a, b, c)] == ["Tuổi Trẻ", "ZNews", "VnExpress"]
    assert [x.meta["category"] for x in (a, b, c)] == ["Thế giới", "Chính trị", "Thời sự"]
    assert a.title == "Hai ngoại trưởng gặp nhau" and a.url == "https://example.org/a-1.htm"
    assert a.body == BODY_A and a.meta["Keyword"] == "Vienna,an ninh"
    assert "Keyword" not in c.meta  # an empty cell is not metadata
    assert count_inputs([p]) == 3


def test_id_is_stable_from_the_url(tmp_path: Path) -> None:
    first = read_file(_csv(tmp_path / "one.csv", ROWS))[0]
    edited = [ROWS[0][:6] + [BODY_A + " Cuộc gặp kéo dài ba giờ."]]
    second = read_file(_csv(tmp_path / "two.csv", edited))[0]
    assert first.id == second.id == url_id(ROWS[0][1])
    no_url = [["Tuoi tre", "", "Thế giới", "", "28/10/2025 20:10 GMT+7", "Hai ngoại trưởng gặp nhau", BODY_A]]
    assert read_file(_csv(tmp_path / "three.csv", no_url))[0].id != first.id


def test_category_reaches_the_graph(tmp_path: Path) -> None:
    from rdflib.namespace import SDO

    a = read_file(_csv(tmp_path / "crawl.csv", ROWS))[0]
    g = extraction_to_graph(Extraction(article=a))
    sections = list(g.objects(None, SDO.articleSection))
    assert [(str(o), o.language) for o in sections] == [("Thế giới", "vi")]


def test_tsv_and_jsonl_with_the_same_names_case_insensitive(tmp_path: Path) -> None:
    tsv = _csv(tmp_path / "crawl.tsv", ROWS, header=[h.lower() for h in HEADER], delimiter="\t")
    jl = tmp_path / "crawl.ndjson"
    jl.write_text("\n".join(json.dumps(dict(zip(["SOURCE", "url", "category", "keyword", "TIME", "title", "CONTENT"], r)),
                                       ensure_ascii=False) for r in ROWS) + "\n", encoding="utf-8")
    from_csv = read_file(_csv(tmp_path / "crawl.csv", ROWS))
    for other in (read_file(tsv), read_file(jl)):
        assert [(x.id, x.body, x.title, x.published, x.outlet, x.meta.get("category")) for x in other] == [
            (x.id, x.body, x.title, x.published, x.outlet, x.meta.get("category")) for x in from_csv
        ]


def test_usual_alternative_names(tmp_path: Path) -> None:
    p = _csv(tmp_path / "alt.csv", [["https://example.org/x", "2025-05-12", "Báo Mẫu", "Quốc tế", "Tiêu đề mẫu", BODY_B]],
             header=["link", "publish_date", "publisher", "section", "headline", "article"])
    (a,) = read_file(p)
    assert (a.url, a.published, a.outlet, a.meta["category"], a.title, a.body) == (
        "https://example.org/x", "2025-05-12", "Báo Mẫu", "Quốc tế", "Tiêu đề mẫu", BODY_B)


def test_columns_override_on_the_cli(tmp_path: Path) -> None:
    p = _csv(tmp_path / "odd.csv", [["Tiêu đề riêng", BODY_C, "01/02/2025 08:00"]], header=["Headline", "Main", "When"])
    r = CliRunner().invoke(cli, ["parse", str(p), "--json"])
    assert r.exit_code != 0
    assert "no text column" in r.stderr and "Headline, Main, When" in r.stderr
    r = CliRunner().invoke(cli, ["parse", str(p), "--json", "--columns", "text=main,title=headline,published=When"])
    assert r.exit_code == 0, r.output
    (a,) = json.loads(r.stdout)
    assert (a["title"], a["body"], a["published"]) == ("Tiêu đề riêng", BODY_C, "2025-02-01T08:00")
    for cmd in (["build", "--help"], ["eval", "--help"]):
        assert "--columns" in CliRunner().invoke(cli, cmd).output
    r = CliRunner().invoke(cli, ["parse", str(p), "--columns", "body=Main"])
    assert r.exit_code == 2 and "unknown field 'body'" in r.output
    r = CliRunner().invoke(cli, ["parse", str(p), "--columns", "text=Nothing"])
    assert r.exit_code != 0 and "text=Nothing: no such column" in r.stderr


def test_no_text_column_is_one_error_listing_the_columns(tmp_path: Path) -> None:
    p = _csv(tmp_path / "meta.csv", [["a", "b"], ["c", "d"]], header=["Name", "Price"])
    errors: list[InputError] = []
    assert list(read_articles([p], on_error=errors.append)) == []
    assert len(errors) == 1 and str(errors[0]).startswith(str(p))
    assert "no text column" in errors[0].problem and "Name, Price" in errors[0].problem


def test_bad_rows_are_warnings_naming_file_and_row(tmp_path: Path) -> None:
    rows = [
        ROWS[0],
        ["ZNews", "https://example.org/e", "Thế giới", "", "28/10/2025 20:10 GMT+7", "Trống", "   "],
        ["ZNews", "https://example.org/f", "Thế giới", "", "ngày mai nhé", "Ngày hỏng", BODY_B],
        ["ZNews", "https://example.org/g", "Thế giới", "", "N/A", "Không ngày", BODY_C],
    ]
    p = _csv(tmp_path / "mixed.csv", rows)
    errors: list[InputError] = []
    got = list(read_articles([p], on_error=errors.append))
    assert [a.source for a in got] == [f"{p}:2", f"{p}:5"]
    assert got[1].published is None  # "N/A" is a missing date, not a bad one
    assert [(e.path, e.line) for e in errors] == [(str(p), 3), (str(p), 4)]
    assert "empty text" in errors[0].problem and "unparsable date 'ngày mai nhé'" in errors[1].problem


def test_rows_are_streamed(tmp_path: Path) -> None:
    """The first article comes out before the reader has gone through the file."""
    p = _csv(tmp_path / "big.csv", [r[:1] + [f"https://example.org/{i}"] + r[2:] for i in range(3000) for r in ROWS[:1]])
    stream = read_articles([p])
    first = next(stream)
    assert first.source == f"{p}:2"
    import gc

    text_objects = [o for o in gc.get_objects() if isinstance(o, str) and len(o) > p.stat().st_size // 2]
    assert text_objects == []  # no string holds half the file
    assert sum(1 for _ in stream) == 2999


def test_parse_columns() -> None:
    assert parse_columns("text=Body, title = Headline") == {"text": "Body", "title": "Headline"}
    assert parse_columns(None) == {}
    with pytest.raises(ValueError, match="FIELD=COLUMN"):
        parse_columns("text")
