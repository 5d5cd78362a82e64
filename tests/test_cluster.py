"""``kg build --cluster``: extraction as Dask tasks on a real scheduler and two worker processes on loopback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from servers import DaskCluster, free_port, same_graphs

pytestmark = pytest.mark.slow

CODE = "import sys; from kg.cli import main; sys.argv[0] = 'kg'; main()"


def kg(*args: str, env: dict[str, str] | None = None, timeout: float = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", CODE, *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=timeout)


def nquads(store, tmp) -> str:
    out = tmp / f"dump-{time.monotonic_ns()}.nq"
    r = kg("export", "--format", "nq", "-o", str(out), "--store", str(store))
    assert r.returncode == 0, r.stderr
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reference(seeds_dir, tmp_path_factory):
    """The seeds built with --jobs 1, as N-Quads."""
    tmp = tmp_path_factory.mktemp("jobs1")
    r = kg("build", str(seeds_dir), "--store", str(tmp / "store"), "--no-exports", "-q", "--jobs", "1")
    assert r.returncode == 0, r.stderr
    return nquads(tmp / "store", tmp)


@pytest.fixture
def cluster(tmp_path):
    c = DaskCluster(tmp_path / "dask", workers=2).start()
    yield c
    c.stop()


def test_cluster_build_equals_jobs_1(cluster, reference, seeds_dir, tmp_path):
    r = kg("build", str(seeds_dir), "--store", str(tmp_path / "store"), "--no-exports", "--json",
           "--cluster", cluster.address)
    assert r.returncode == 0, r.stderr
    s = json.loads(r.stdout)
    assert (s["built"], s["failed"]) == (5, 0)
    assert same_graphs(nquads(tmp_path / "store", tmp_path), reference) == []


def test_a_worker_killed_mid_build_is_retried_by_dask(cluster, reference, seeds_dir, tmp_path):
    from distributed import Client

    build = subprocess.Popen([sys.executable, "-c", CODE, "build", str(seeds_dir), "--store", str(tmp_path / "store"),
                              "--no-exports", "--json", "--cluster", cluster.address],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    victim = None
    killed = False
    with Client(cluster.address, timeout="20s") as client:
        pid_of = client.run(os.getpid)  # worker address -> pid
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and build.poll() is None:
            processing = client.processing()
            busy = [addr for addr, keys in processing.items() if keys]
            if busy:
                # kill the process of a busy worker (one of ours, found by its pid)
                victim = next(w for w in cluster.workers if w.pid == pid_of[busy[0]])
                victim.send_signal(signal.SIGKILL)
                killed = True
                break
            time.sleep(0.05)
    out, err = build.communicate(timeout=900)
    assert killed, "no worker was ever busy"
    assert victim.wait(timeout=10) == -signal.SIGKILL
    assert build.returncode == 0, err
    s = json.loads(out)
    assert (s["built"], s["failed"]) == (5, 0)
    assert same_graphs(nquads(tmp_path / "store", tmp_path), reference) == []


def test_an_interrupted_cluster_build_resumes(cluster, reference, seeds_dir, tmp_path):
    store = tmp_path / "store"
    died = kg("build", str(seeds_dir), "--store", str(store), "--no-exports", "-q", "--cluster", cluster.address,
              env={"KG_TEST_DIE_AFTER": "2"})
    assert died.returncode == 70
    again = kg("build", str(seeds_dir), "--store", str(store), "--no-exports", "--json", "--cluster", cluster.address)
    assert again.returncode == 0, again.stderr
    s = json.loads(again.stdout)
    assert (s["skipped"], s["built"]) == (2, 3)
    assert same_graphs(nquads(store, tmp_path), reference) == []


def test_an_unreachable_scheduler_is_one_line_and_writes_nothing(seeds_dir, tmp_path):
    address = f"tcp://127.0.0.1:{free_port()}"
    r = kg("build", str(seeds_dir), "--store", str(tmp_path / "store"), "--no-exports", "--cluster", address)
    assert r.returncode == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"kg: error: {address}: cannot reach the Dask scheduler"), r.stderr
    from kg.graph.store import Store

    with Store(tmp_path / "store", read_only=True) as store:
        assert store.article_ids() == []


def test_local_cluster_in_process_equals_jobs_1(reference, seeds_dir, tmp_path):
    """``--cluster local``: the library path, with a LocalCluster of two processes."""
    from kg.build import build

    s = build([seeds_dir], store=tmp_path / "store", exports=False, cluster="local", cluster_workers=2)
    assert (s.built, s.failed) == (5, 0)
    assert same_graphs(nquads(tmp_path / "store", tmp_path), reference) == []


def test_a_scheduler_without_workers_is_an_error_not_a_hang(seeds_dir, tmp_path):
    empty = DaskCluster(tmp_path / "dask0", workers=0).start()
    try:
        r = kg("build", str(seeds_dir), "--store", str(tmp_path / "store"), "--no-exports",
               "--cluster", empty.address, env={"KG_CLUSTER_WAIT": "3"}, timeout=120)
    finally:
        empty.stop()
    assert r.returncode == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and empty.address in lines[0] and "no Dask worker" in lines[0], r.stderr


def test_a_lost_scheduler_is_one_line_and_the_next_build_completes(cluster, reference, seeds_dir, tmp_path):
    store = tmp_path / "store"
    build = subprocess.Popen([sys.executable, "-c", CODE, "build", str(seeds_dir), "--store", str(store),
                              "--no-exports", "-q", "--cluster", cluster.address],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    from distributed import Client

    with Client(cluster.address, timeout="20s") as client:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and not any(client.processing().values()):
            time.sleep(0.05)
    cluster.scheduler.send_signal(signal.SIGKILL)
    out, err = build.communicate(timeout=300)
    assert build.returncode == 2
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and cluster.address in lines[0] and "lost the Dask scheduler" in lines[0], err
    again = kg("build", str(seeds_dir), "--store", str(store), "--no-exports", "-q", "--jobs", "1")
    assert again.returncode == 0, again.stderr
    assert same_graphs(nquads(store, tmp_path), reference) == []


def test_a_worker_with_other_kg_code_is_refused_by_name(seeds_dir, tmp_path):
    """A worker whose kg differs (here: one extractor module changed) would write another graph: refused."""
    import shutil as sh

    repo = __import__("pathlib").Path(__file__).resolve().parents[1]
    other = tmp_path / "other"
    sh.copytree(repo / "kg", other / "kg", ignore=sh.ignore_patterns("__pycache__"))
    sh.copytree(repo / "ontology", other / "ontology")
    with (other / "kg" / "extract" / "roles.py").open("a", encoding="utf-8") as fh:
        fh.write("\n# a different version of the extractor\n")
    c = DaskCluster(tmp_path / "dask", workers=0).start()
    w = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", c.address, "--nthreads", "1",
                          "--no-nanny", "--host", "127.0.0.1", "--no-dashboard"],
                         env={**os.environ, "PYTHONPATH": str(other)}, cwd=other,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    c.workers.append(w)
    try:
        c.wait_for_workers(1)
        r = kg("build", str(seeds_dir), "--store", str(tmp_path / "store"), "--no-exports", "--cluster", c.address)
    finally:
        c.stop()
    assert r.returncode == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "runs other kg code or lexicons" in lines[0] and "127.0.0.1" in lines[0], r.stderr
