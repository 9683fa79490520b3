"""Ingest on a Ray cluster: read the inputs in parallel, code with one model per worker actor,
and store the results in the DuckDB file, or write them as Parquet files for runs too big for
one database.

The run follows the local runner step for step, so both give the same store:

1. Ray tasks read the input files (a share of the files each) into blocks of articles and read
   failures, each item keyed by its place in the input order. A block is two objects: its index
   (keys, ids, content hashes, failures) and its articles.
2. The driver fetches the indexes only, cuts them into the local runner's batches and decides
   what to code with the same rules (``runners.batches.select``).
3. One actor per worker, each with its own ``Coder``, codes the chosen articles block by block,
   two blocks in flight per actor.
4. Without ``output``: the driver writes the results batch by batch, in input order, with
   ``Store.write_batch``: the same rows, incidents, replacements and failures as the local runner.
   With ``output``: each actor writes its blocks as Parquet files, one folder per table (articles,
   events, actors, quotes; failures are written by the driver), and the driver writes the run's
   manifest to ``runs/`` last. Files of a run without a manifest (killed, failed) are deleted by
   the next run. A re-run skips articles whose id and text are in the folder; an article whose
   text changed is coded again and its old rows are removed from the earlier runs' files.
   ``incident_id`` stays empty (incidents are found by the store).

Reading, planning and coding are separate phases: actors hold a CPU each for their whole life, so
read tasks started after them could wait for ever on a small cluster.

This is the only module that imports Ray.
"""

from __future__ import annotations

import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from standoff.errors import EngineNotInstalled, UnsupportedInput
from standoff.model import Article, ArticleResult, Failure
from standoff.pipeline import Coder, Settings
from standoff.runners.batches import Batch, BatchWriter, IngestOptions, Seen, StoredLookup, chunks, run_settings, select
from standoff.runners.progress import IngestProgress, IngestSummary, Progress
from standoff.store import Store, content_hash
from standoff.store.rows import failure_row, result_rows
from standoff.store.schema import ACTORS, ARTICLES, EVENTS, FAILURES, QUOTES, Table
from standoff.text.readers import STDIN, ReadOptions, input_files, iter_inputs
from standoff.threads import native_thread_environment


try:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq
    import ray
except ImportError:  # pragma: no cover - depends on the installed extras
    raise EngineNotInstalled("the Ray engine needs Ray; install it with `pip install 'standoff[ray]'`") from None

log = logging.getLogger(__name__)

BATCHES_PER_BLOCK = 2  # coder batches per block: the unit an actor codes at a time
READ_TASKS_PER_CPU = 2
BLOCKS_PER_ACTOR = 2  # in flight: one being coded, one waiting, so no actor waits for the driver
ACTOR_TABLES = (ARTICLES, EVENTS, ACTORS, QUOTES)  # written by the actors (failures: by the driver)
_ONE_ARTICLE_FORMATS = ("txt", "html")


def ingest(
    paths: Sequence[str | Path],
    db: str | Path | None = None,
    options: IngestOptions = IngestOptions(),
    progress: Progress | None = None,
    *,
    address: str | None = None,
    output: str | Path | None = None,
) -> IngestSummary:
    """Code every article in ``paths`` not stored yet, on Ray; store it in ``db``, or as Parquet in ``output``.

    ``address``: the cluster to join ("auto", "ray://host:10001"); None joins the Ray this process
    already started, or starts one on this machine. ``options.workers``: coding actors, default one
    per CPU of the cluster. Input paths and ``output`` must be visible to every node.
    """
    progress = progress or IngestProgress()
    names = [str(p) for p in paths]
    clock = time.perf_counter()
    sources = list(_sources(names))  # before starting Ray: a bad path fails at once
    started_here = _connect(address)
    try:
        workers = options.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        settings = run_settings(names, options, workers, engine="ray", output=str(output) if output else None)
        blocks = _read(sources, options.read, workers, options.settings.batch_size * BATCHES_PER_BLOCK)
        if output is None:
            summary = _into_store(blocks, db, options, workers, settings, progress)
        else:
            summary = _into_parquet(blocks, Path(output), options, workers, settings, progress)
    finally:
        if started_here:
            ray.shutdown()
    summary.seconds = time.perf_counter() - clock
    progress.finish(summary)
    return summary


def _connect(address: str | None) -> bool:
    """Join or start Ray; True if this call started it (and so should stop it)."""
    if ray.is_initialized():
        return False
    runtime = {"env_vars": native_thread_environment()}  # for the workers: one thread each for the numeric libraries
    ray.init(address=address, logging_level=logging.WARNING, include_dashboard=False, runtime_env=runtime)
    return True


# ---------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class _Stub:
    """An article as the driver sees it: its place in the input, its id and its content hash."""

    key: int
    id: str
    hash: str


@dataclass(frozen=True, slots=True)
class _Block:
    index: list[_Stub | Failure]  # in input order
    articles: ray.ObjectRef  # list[tuple[int, Article]]: the block's articles with their keys


def _sources(paths: list[str]) -> Iterator[dict[str, Any]]:
    """One row per input file, in the order the local runner reads them. A path that is no
    readable file (missing, unsupported) stays one row: reading it yields its failure."""
    number = 0
    for path in paths:
        if path == STDIN:
            raise UnsupportedInput("a Ray run cannot read standard input; give files or folders", file=STDIN)
        files = list(input_files(path))
        if not files and Path(path).is_dir():
            continue  # an empty folder
        for file in files or [None]:
            one_article = file is not None and file.format in _ONE_ARTICLE_FORMATS
            yield {"source": number, "path": file.name if file else path, "article_id": file.article_id if one_article else None}
            number += 1


def _read(sources: list[dict[str, Any]], options: ReadOptions, workers: int, block_size: int) -> list[_Block]:
    """Read all inputs with parallel tasks; the blocks come back in input order."""
    if not sources:
        return []
    tasks = min(len(sources), workers * READ_TASKS_PER_CPU)
    shares = [sources[k * len(sources) // tasks : (k + 1) * len(sources) // tasks] for k in range(tasks)]
    generators = [_read_files.remote(share, options, block_size) for share in shares]
    blocks = []
    for generator in generators:  # each task's objects are owned here, not by the task's worker
        refs = list(generator)
        for index_ref, articles_ref in zip(refs[0::2], refs[1::2]):
            blocks.append(_Block(ray.get(index_ref), articles_ref))
    return blocks


@ray.remote(num_returns="streaming")
def _read_files(sources: list[dict[str, Any]], options: ReadOptions, block_size: int) -> Iterator[list[Any]]:
    """Blocks of ``block_size`` articles (and the failures among them), each yielded as its index, then its articles."""
    index: list[_Stub | Failure] = []
    articles: list[tuple[int, Article]] = []
    for source in sources:
        for key, item in _read_source(source, options):
            if isinstance(item, Failure):
                index.append(item)
                continue
            index.append(_Stub(key, item.id, content_hash(item.text)))
            articles.append((key, item))
            if len(articles) == block_size:
                yield index
                yield articles
                index, articles = [], []
    if index:
        yield index
        yield articles


def _read_source(source: dict[str, Any], options: ReadOptions) -> Iterator[tuple[int, Article | Failure]]:
    for position, item in enumerate(iter_inputs([source["path"]], options)):
        key = (source["source"] << 32) | position
        # Read on its own, a file from a folder would be named by its stem, not by its path in the folder.
        if source["article_id"]:
            if isinstance(item, Article):
                item = replace(item, id=source["article_id"])
            elif item.article_id is not None:
                item = replace(item, article_id=source["article_id"])
        yield key, item


# ---------------------------------------------------------------- planning


@dataclass(slots=True)
class _Plan:
    """One batch of the local runner, decided before anything is coded."""

    number: int
    counts: Counter[str]
    todo: list[_Stub]  # the articles to code, in the order they are written
    replaced: list[str]
    failures: list[Failure]


def _plan(blocks: list[_Block], lookup: StoredLookup, batch_size: int) -> list[_Plan]:
    """The local runner's batches and decisions, made from ids and hashes alone."""
    seen = Seen(lookup)
    plans = []
    items = (item for block in blocks for item in block.index)
    for number, (stubs, failures) in enumerate(chunks(items, batch_size), 1):
        positions, replaced, counts = select(seen, [(s.id, s.hash) for s in stubs], number)
        plans.append(_Plan(number, counts, [stubs[p] for p in positions], replaced, failures))
    return plans


def _work(blocks: list[_Block], keys: set[int]) -> list[tuple[int, ray.ObjectRef, list[int]]]:
    """(block number, articles, keys to code) for every block with something to code."""
    work = []
    for number, block in enumerate(blocks):
        chosen = [item.key for item in block.index if isinstance(item, _Stub) and item.key in keys]
        if chosen:
            work.append((number, block.articles, chosen))
    return work


# ---------------------------------------------------------------- coding


@ray.remote(num_cpus=1)
class _CodingActor:
    """One Coder, loaded once, for every block it is given."""

    def __init__(self, settings: Settings) -> None:
        self._coder = Coder(settings)

    def versions(self) -> dict[str, str]:
        return self._coder.versions()

    def code(self, articles: list[tuple[int, Article]], keys: list[int]) -> list[tuple[int, ArticleResult]]:
        wanted = set(keys)
        chosen = [(key, article) for key, article in articles if key in wanted]
        return list(zip((key for key, _ in chosen), self._coder.code(article for _, article in chosen)))

    def write(self, articles: list[tuple[int, Article]], keys: list[int], folder: str, run_id: int, block: int) -> tuple[int, list[Failure]]:
        """Code, and write the block's rows to one Parquet file per table; returns (events, coding failures)."""
        from standoff.ontology import load_ontology

        results = [result for _, result in self.code(articles, keys)]
        ontology = load_ontology()
        rows: dict[str, list[dict[str, Any]]] = {table.name: [] for table in ACTOR_TABLES}
        for result in results:
            for name, table_rows in result_rows(result, ontology, run_id).items():
                if name in rows:
                    rows[name].extend(table_rows)
        for table in ACTOR_TABLES:
            if rows[table.name]:
                path = Path(folder) / table.name / f"run-{run_id:06d}_{block:06d}.parquet"
                path.parent.mkdir(parents=True, exist_ok=True)
                pq.write_table(pa.Table.from_pylist(rows[table.name], schema=table.arrow_schema()), path)
        return sum(len({e.id for e in r.events}) for r in results), [f for r in results for f in r.failures]


@ray.remote(num_cpus=1)
def _versions(settings: Settings) -> dict[str, str]:
    """For a run that codes nothing, so has no actor to ask."""
    return Coder(settings).versions()


def _dispatch(actors: list[Any], work: Iterable[Any], call: Callable[[Any, Any], ray.ObjectRef]) -> Iterator[Any]:
    """Run ``call(actor, item)`` for every item, BLOCKS_PER_ACTOR per actor at a time; yield results as they finish."""
    items = iter(work)
    running: dict[ray.ObjectRef, Any] = {}
    for actor in actors * BLOCKS_PER_ACTOR:
        item = next(items, None)
        if item is None:
            break
        running[call(actor, item)] = actor
    while running:
        [done], _ = ray.wait(list(running), num_returns=1)
        actor = running.pop(done)
        item = next(items, None)
        if item is not None:
            running[call(actor, item)] = actor
        yield ray.get(done)


def _actors(settings: Settings, workers: int, work: list[Any]) -> list[Any]:
    return [_CodingActor.remote(settings) for _ in range(min(workers, len(work)))]


# ---------------------------------------------------------------- into the DuckDB store


def _into_store(
    blocks: list[_Block], db: str | Path | None, options: IngestOptions, workers: int, settings: dict[str, object], progress: Progress
) -> IngestSummary:
    summary = IngestSummary()
    with Store(db) as store:
        plans = _plan(blocks, store, options.batch_size)
        progress.start(sum(p.counts["read"] for p in plans))
        work = _work(blocks, {stub.key for p in plans for stub in p.todo})
        actors = _actors(options.settings, workers, work)
        versions = (lambda: ray.get(actors[0].versions.remote())) if actors else (lambda: ray.get(_versions.remote(options.settings)))
        writer = BatchWriter(store, summary, progress, settings, versions)
        waiting = iter(plans)
        plan = next(waiting, None)
        done: dict[int, ArticleResult] = {}
        for results in _dispatch(actors, work, lambda actor, item: actor.code.remote(item[1], item[2])):
            done.update(results)
            progress.advance(len(results), summary)
            while plan is not None and all(stub.key in done for stub in plan.todo):
                writer.write(_batch(plan, done))
                plan = next(waiting, None)
        while plan is not None:  # nothing left to code in these
            writer.write(_batch(plan, done))
            plan = next(waiting, None)
        writer.finish()
    return summary


def _batch(plan: _Plan, done: dict[int, ArticleResult]) -> Batch:
    results = [done.pop(stub.key) for stub in plan.todo]
    return Batch(plan.number, plan.counts, len(plan.todo), plan.replaced, plan.failures, results)


# ---------------------------------------------------------------- into Parquet files


class ParquetFolder:
    """A folder of Parquet tables written by Ray runs: what it holds, and its runs."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._ids: dict[str, str] | None = None
        self._hashes: set[str] = set()

    def runs(self) -> dict[int, dict[str, Any]]:
        return {int(path.stem.split("-")[1]): json.loads(path.read_text(encoding="utf-8")) for path in (self.root / "runs").glob("run-*.json")}

    def files(self, table: Table) -> list[Path]:
        return sorted((self.root / table.name).glob("run-*.parquet"))

    def drop_unfinished(self) -> None:
        """Delete the files of runs that never wrote their manifest (killed, or failed)."""
        finished = self.runs()
        for table in (*ACTOR_TABLES, FAILURES):
            for path in self.files(table):
                if _run_of(path) not in finished:
                    log.info("removing %s: its run did not finish", path)
                    path.unlink()

    def stored(self, ids: Iterable[str], hashes: Iterable[str]) -> tuple[dict[str, str], set[str]]:
        if self._ids is None:
            self._ids = {}
            for path in self.files(ARTICLES):
                table = pq.read_table(path, columns=["id", "content_hash"])
                self._ids.update(zip(table["id"].to_pylist(), table["content_hash"].to_pylist()))
            self._hashes = set(self._ids.values())
        return {i: self._ids[i] for i in ids if i in self._ids}, {h for h in hashes if h in self._hashes}

    def failure_ids(self) -> set[str]:
        return {i for path in self.files(FAILURES) for i in pq.read_table(path, columns=["id"])["id"].to_pylist()}

    def remove_articles(self, ids: set[str], before_run: int) -> None:
        """Drop every row of these articles from the files of earlier runs (their text changed)."""
        if not ids:
            return
        value_set = pa.array(sorted(ids), pa.string())
        for table in ACTOR_TABLES:
            column = "id" if table is ARTICLES else "article_id"
            for path in self.files(table):
                if _run_of(path) >= before_run:
                    continue
                data = pq.read_table(path)
                kept = data.filter(pc.invert(pc.is_in(data[column], value_set=value_set)))
                if kept.num_rows < data.num_rows:
                    pq.write_table(kept, path)


def _run_of(path: Path) -> int:
    return int(path.name.split("_")[0].split("-")[1])


def _into_parquet(
    blocks: list[_Block], output: Path, options: IngestOptions, workers: int, settings: dict[str, object], progress: Progress
) -> IngestSummary:
    started = datetime.now()
    folder = ParquetFolder(output)
    folder.drop_unfinished()
    run_id = max(folder.runs(), default=0) + 1
    summary = IngestSummary(run_id=run_id)
    plans = _plan(blocks, folder, options.batch_size)
    total = sum(p.counts["read"] for p in plans)
    progress.start(total)
    # Files keep one version per article: an id coded twice in this run keeps its last text only.
    last = {stub.id: stub.key for p in plans for stub in p.todo}
    previous = set(folder.stored(last, ())[0])
    replaced = {article_id for p in plans for article_id in p.replaced if article_id in previous}
    work = _work(blocks, set(last.values()))
    actors = _actors(options.settings, workers, work)
    versions = ray.get(actors[0].versions.remote()) if actors else ray.get(_versions.remote(options.settings))
    failures = [f for p in plans for f in p.failures]
    def write(actor: Any, item: tuple[int, ray.ObjectRef, list[int]]) -> ray.ObjectRef:
        return actor.write.remote(item[1], item[2], str(output), run_id, item[0])

    for events, coding_failures in _dispatch(actors, work, write):
        summary.events += events
        failures += coding_failures
    _write_failures(folder, failures, run_id)
    folder.remove_articles(replaced, before_run=run_id)
    for plan in plans:
        for name, count in plan.counts.items():
            setattr(summary, name, getattr(summary, name) + count)
    summary.batches = len(plans)
    summary.add_failures(failures)
    progress.advance(total, summary)
    manifest = {
        "id": run_id, "command": "ingest", "started": started.isoformat(), "finished": datetime.now().isoformat(),
        "versions": {"standoff": version("standoff"), **versions}, "settings": settings, "counts": summary.counts(),
    }
    (output / "runs").mkdir(parents=True, exist_ok=True)
    (output / "runs" / f"run-{run_id:06d}.json").write_text(json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8")
    return summary


def _write_failures(folder: ParquetFolder, failures: list[Failure], run_id: int) -> None:
    """Failures the folder does not hold yet: an input read again fails again, but is recorded once."""
    known = folder.failure_ids()
    rows: dict[str, dict[str, Any]] = {}
    for failure in failures:
        row = failure_row(failure, run_id)
        if row["id"] not in known:
            rows.setdefault(row["id"], row)
    if rows:
        path = folder.root / FAILURES.name / f"run-{run_id:06d}_failures.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pylist(list(rows.values()), schema=FAILURES.arrow_schema()), path)
