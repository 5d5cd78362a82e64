"""Issue 13 against inputs and outputs: an endless paragraph, a file of many
articles, pipes/devices/sockets/symlink loops, output paths that are not
files, SIGTERM while writing, orphaned workers.

Real files, real FIFOs and sockets, real `kg` processes killed with real
signals; memory is the kernel's peak RSS of the processes that ran.
"""

from __future__ import annotations

import json
import os
import random
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from test_hardening_query import descendants, measured, rss
from test_query_support import write_sample_store

from kg.clean.sentences import MAX_SENTENCE, split_sentences

KG = [sys.executable, "-c", "from kg.cli import main; main()"]
MB = 1024 * 1024
# Our own words (no sentence of ../shared): everyday words, and a name every
# twenty-odd words, about as often as news names people, places and bodies.
WORDS = ("cho biết chính phủ đã gặp đại diện về việc hợp tác kinh tế và thương mại trong năm nay "
         "các bên đồng ý tiếp tục đối thoại hoan nghênh kết quả này nhấn mạnh rằng hai nước sẽ cùng "
         "xem xét đề xuất của phía bạn tại cuộc họp sáng nay").split()
NAMES = ["ông Trần Quốc Bảo", "Hà Nội", "Liên minh châu Âu", "Brussels", "Bộ Ngoại giao",
         "bà Phạm Thu Hà", "Thủ tướng Canada", "Ottawa"]


def paragraph(chars: int, seed: int = 7) -> str:
    """One paragraph of ``chars`` characters without a single punctuation mark."""
    rnd = random.Random(seed)
    out, size = [], 0
    while size < chars:
        word = rnd.choice(NAMES) if rnd.random() < 0.04 else rnd.choice(WORDS)
        out.append(word)
        size += len(word) + 1
    return " ".join(out)[:chars].rstrip()


# -- 1. an endless paragraph -----------------------------------------------------


@pytest.mark.timeout(120)
def test_an_endless_paragraph_is_cut_into_bounded_sentences_in_linear_time() -> None:
    text = paragraph(1_000_000)
    sentences = split_sentences(text)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE
    assert all(text[s.start:s.end] == s.text for s in sentences)  # offsets stay exact
    assert sum(len(s.text) for s in sentences) >= len(text) - len(sentences)  # only the spaces at cuts are lost
    assert all(not s.text[0].isspace() and not s.text[-1].isspace() for s in sentences)
    assert all(text[s.end] == " " for s in sentences[:-1])  # cut at a word boundary, never inside a word


def test_a_long_sentence_is_cut_at_clause_punctuation_first() -> None:
    clause = "các bên đồng ý tiếp tục đối thoại về hợp tác kinh tế và thương mại trong năm nay, "
    text = (clause * 30).rstrip(", ") + "."
    sentences = split_sentences(text)
    assert len(sentences) > 1 and max(len(s.text) for s in sentences) <= MAX_SENTENCE
    assert all(s.text.endswith(",") for s in sentences[:-1])
    assert sentences[-1].text.endswith(".")


def test_normal_sentences_are_not_cut(examples_dir: Path) -> None:
    from kg.read import read_articles

    for article in read_articles([examples_dir]):
        for s in article.sentences:
            assert len(s.text) < MAX_SENTENCE


@pytest.mark.slow
@pytest.mark.timeout(1800)
def test_a_one_megabyte_paragraph_builds_in_under_a_gigabyte(tmp_path: Path) -> None:
    big = tmp_path / "para1m.txt"
    big.write_text("Tin thế giới hôm nay\n" + paragraph(1_000_000) + "\n", encoding="utf-8")
    code, err, seconds, peak = measured(
        [*KG, "build", str(big), "--store", str(tmp_path / "store"), "--no-exports", "-q"], timeout=1700)
    assert code == 0, err
    assert peak < 1024 * MB, f"peak RSS {peak / MB:.0f} MB"
    from kg.graph.store import Store

    store = Store(tmp_path / "store", read_only=True)
    try:
        assert len(store.article_ids()) == 1
    finally:
        store.close()


# -- 2. silent truncation ----------------------------------------------------------


def test_a_file_of_many_articles_is_read_with_a_warning(examples_dir: Path, tmp_path: Path) -> None:
    pages = [p.read_text(encoding="utf-8") for p in sorted(examples_dir.glob("0[1-5]*.txt"))]
    joined = tmp_path / "many.txt"
    joined.write_text("\n".join(pages) * 20, encoding="utf-8")
    r = subprocess.run([*KG, "parse", str(joined)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    warning = [line for line in r.stderr.splitlines() if line.startswith("kg: warning:")]
    assert len(warning) == 1
    line = warning[0]
    assert str(joined) in line
    assert "kept one article of" in line and "dropped" in line and "%" in line
    assert "the body ended before line" in line  # why: where the cleaner decided the article ended
    assert "one file each" in line or ".jsonl" in line


def test_a_single_page_gives_no_truncation_warning(examples_dir: Path) -> None:
    files = [str(p) for p in sorted(examples_dir.glob("*.txt"))]
    r = subprocess.run([*KG, "parse", *files], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "dropped" not in r.stderr


def test_the_seed_pages_give_no_truncation_warning(seeds_dir: Path) -> None:
    r = subprocess.run([*KG, "parse", str(seeds_dir)], capture_output=True, text=True, timeout=300)
    assert "dropped" not in r.stderr


# -- 3. pipes, devices, sockets, symlinked folders ------------------------------------


@pytest.mark.timeout(600)
def test_a_fifo_never_hangs_the_build_and_the_good_article_is_committed(examples_dir: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text((examples_dir / "01_kremlin_geneva_summit.txt").read_text(encoding="utf-8"), encoding="utf-8")
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    store = tmp_path / "store"
    r = subprocess.run([*KG, "build", str(good), str(fifo), "--store", str(store), "--no-exports", "-q"],
                       capture_output=True, text=True, timeout=540)
    assert f"kg: warning: {fifo}: is a named pipe (FIFO), not a regular file; never opened" in r.stderr
    from kg.graph.store import Store

    s = Store(store, read_only=True)
    try:
        assert len(s.article_ids()) == 1
    finally:
        s.close()


def test_kg_parse_skips_a_fifo_and_a_device(examples_dir: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    r = subprocess.run([*KG, "parse", str(fifo), "/dev/zero", str(examples_dir / "04_alaska_summit.txt")],
                       capture_output=True, text=True, timeout=120)
    assert "pipe.txt: is a named pipe (FIFO)" in r.stderr
    assert "/dev/zero: is a character device" in r.stderr
    assert "== " in r.stdout  # the good file is still read


def test_a_folder_walk_warns_about_special_files_and_follows_links_once(examples_dir: Path, tmp_path: Path) -> None:
    from kg.errors import InputError
    from kg.read import read_articles

    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text((examples_dir / "01_kremlin_geneva_summit.txt").read_text(encoding="utf-8"),
                                encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text((examples_dir / "04_alaska_summit.txt").read_text(encoding="utf-8"),
                                     encoding="utf-8")
    os.mkfifo(root / "sub" / "pipe.txt")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(root / "sub" / "sock.txt"))
        (root / "linked").symlink_to(elsewhere, target_is_directory=True)  # followed
        (root / "sub" / "loop").symlink_to(root, target_is_directory=True)  # a loop: warned, not walked
        (root / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
        problems: list[InputError] = []
        started = time.monotonic()
        articles = list(read_articles([root], on_error=problems.append))
        assert time.monotonic() - started < 120
    sources = sorted(Path(a.source).name for a in articles)
    assert sources == ["a.txt", "b.txt"]
    said = "\n".join(str(p) for p in problems)
    assert "pipe.txt: is a named pipe (FIFO)" in said
    assert "sock.txt: is a socket" in said
    assert "loop: links to a folder already read" in said
    assert "broken.txt: is a broken symbolic link" in said


# -- 6. output paths -------------------------------------------------------------------


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_sample_store(tmp_path_factory.mktemp("hi") / "store")


def _device(path: Path) -> bool:
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # our own node of /dev/full, in tmp
    except PermissionError:
        return False
    return True


def test_export_refuses_links_pipes_and_devices(store_dir: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    link = tmp_path / "link.ttl"
    link.symlink_to(victim)
    fifo = tmp_path / "fifo.ttl"
    os.mkfifo(fifo)
    targets = {link: "a symbolic link", fifo: "a named pipe (FIFO)"}
    device = tmp_path / "full.ttl"
    if _device(device):
        targets[device] = "a character device"
    for target, kind in targets.items():
        before = os.lstat(target)
        r = subprocess.run([*KG, "export", "--store", str(store_dir), "-o", str(target)],
                           capture_output=True, text=True, timeout=120)
        assert r.returncode != 0, f"{target}: {r.stderr}"
        assert f"it exists and is {kind}, not a regular file" in r.stderr
        after = os.lstat(target)
        assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)  # the node itself is untouched
    assert victim.read_text() == "keep me\n"
    assert not list(tmp_path.glob(".*.tmp"))


def test_view_refuses_a_symlink(store_dir: Path, tmp_path: Path) -> None:
    victim = tmp_path / "page.html"
    victim.write_text("mine\n")
    link = tmp_path / "explorer.html"
    link.symlink_to(victim)
    r = subprocess.run([*KG, "view", "--store", str(store_dir), "-o", str(link)],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode != 0 and "it exists and is a symbolic link" in r.stderr
    assert link.is_symlink() and victim.read_text() == "mine\n"


def test_export_to_stdout_and_to_a_regular_file_still_work(store_dir: Path, tmp_path: Path) -> None:
    r = subprocess.run([*KG, "export", "--store", str(store_dir), "--format", "nt", "-o", "-"],
                       capture_output=True, timeout=120)
    assert r.returncode == 0 and r.stdout.count(b"\n") > 100
    old = tmp_path / "graph.ttl"
    old.write_text("old\n")
    r = subprocess.run([*KG, "export", "--store", str(store_dir), "-o", str(old)], capture_output=True, timeout=120)
    assert r.returncode == 0 and old.read_text() != "old\n"


def test_sigterm_while_writing_removes_the_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    script = textwrap.dedent(f"""
        import sys, time
        from kg.export.atomic import atomic_output
        with atomic_output({str(target)!r}) as fh:
            fh.write(b"half of an export\\n")
            fh.flush()
            print("writing", flush=True)
            time.sleep(120)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
    assert len(list(tmp_path.glob(".out.ttl.*.tmp"))) == 1  # the temporary file exists while writing
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=60) == 128 + signal.SIGTERM
    assert not target.exists()
    assert not list(tmp_path.glob(".out.ttl.*.tmp"))


# -- 7. orphan workers -------------------------------------------------------------------


@pytest.mark.timeout(600)
def test_workers_exit_when_the_build_is_killed(examples_dir: Path, tmp_path: Path) -> None:
    proc = subprocess.Popen([*KG, "build", str(examples_dir), "--jobs", "2", "--store", str(tmp_path / "store"),
                             "--no-exports", "-q", "--force"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        # the fork server and two workers (plus multiprocessing's resource tracker)
        deadline = time.monotonic() + 300
        while len(descendants(proc.pid)) < 3 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = descendants(proc.pid)
        assert len(workers) >= 3, f"the pool did not start: {workers}"
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 30
        while any(rss(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.2)
        alive = [p for p in workers if rss(p)]
        assert not alive, f"orphans still running: {json.dumps(alive)}"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
