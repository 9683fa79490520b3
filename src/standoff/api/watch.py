"""`serve --watch DIR`: the server ingests the files that appear or change in a folder while it serves.

Every few seconds the folder is listed (the files `standoff ingest` reads, hidden ones skipped).
A file is taken once it is new or changed and has not changed since the previous look, so a
file still being written waits for the next one. The files taken are ingested as one job in the
coding worker's queue (the one /api/code uses, with the process that holds the model), stored
exactly as `standoff ingest` stores them: a run, failures naming file and line, articles already
stored skipped. The watch waits for its job before it looks again, so it holds at most one place
in the queue, and reads are answered from the server's other connections meanwhile.
"""

from __future__ import annotations

import os
import sys
import threading
from concurrent.futures import CancelledError
from pathlib import Path
from typing import Any, TextIO

from standoff.api.worker import CodingWorker
from standoff.errors import StandoffError, StoreError
from standoff.progress import ProgressLines
from standoff.runners.local import IngestOptions, IngestProgress, IngestSummary, ingest
from standoff.store import Store
from standoff.text.readers import InputFile, input_files

Signature = tuple[int, int]  # a file's size and modification time (ns): changed when either changes


class IngestFiles:
    """A job for the coding worker: ingest these files into the server's store."""

    def __init__(self, files: list[InputFile], store: Store, out: TextIO) -> None:
        self.files, self._store, self._out = files, store, out

    def run(self, coder: Any) -> IngestSummary:
        progress = IngestProgress(self._out, ProgressLines("watch", "articles", self._out))
        return ingest(self.files, options=IngestOptions(), progress=progress, coder=coder, store=self._store)


class FolderWatch:
    """A thread that looks at ``folder`` every ``every`` seconds and has ``worker`` ingest what is new into ``store``."""

    def __init__(self, folder: Path, every: float, worker: CodingWorker, store: Store, out: TextIO | None = None) -> None:
        self.folder, self._every, self._worker, self._store = folder, every, worker, store
        self._out = out or sys.stderr
        self._last: dict[str, Signature] = {}  # what the previous look saw
        self._done: dict[str, Signature] = {}  # what was ingested
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="standoff-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        """Stop looking; a job already queued or running is the worker's to finish or drop."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=30)

    def look(self) -> list[InputFile]:
        """The files to ingest now: new or changed since ingested, and unchanged since the previous look.
        They carry the ids the folder gives them, as when `standoff ingest DIR` reads it."""
        now: dict[str, Signature] = {}
        ready: list[InputFile] = []
        for file in input_files(str(self.folder)):
            try:
                stat = os.stat(file.path)
            except OSError:  # gone since it was listed
                continue
            now[file.name] = signature = (stat.st_size, stat.st_mtime_ns)
            if self._last.get(file.name) == signature and self._done.get(file.name) != signature:
                ready.append(file)
        self._last = now
        return ready

    def ingest(self, ready: list[InputFile]) -> IngestSummary | None:
        """Ingest ``ready`` files through the worker's queue; the summary, or None if stopped first or it failed."""
        self._say(f"watch: {len(ready)} new or changed files in {self.folder}")
        done = self._worker.wait_turn(IngestFiles(ready, self._store, self._out), self._stop)
        if done is None:
            return None
        try:
            summary = done.result()
        except CancelledError:  # the server is stopping
            return None
        except Exception as exc:  # the store failed (a full disk, ...): the files are tried again at the next look
            self._say(f"watch: could not ingest them ({exc if isinstance(exc, StandoffError) else repr(exc)}); trying again at the next look")
            return None
        self._done.update((file.name, self._last[file.name]) for file in ready)
        return summary

    def _run(self) -> None:
        while not self._stop.is_set():
            ready = self.look()
            if ready:
                self.ingest(ready)
            self._stop.wait(self._every)

    def _say(self, line: str) -> None:
        self._out.write(line + "\n")
        self._out.flush()


def check_writable(db: Path, folder: Path) -> None:
    """StoreError unless ``folder`` is a folder and this user may write to ``db`` (the file, and its
    folder for DuckDB's write-ahead log): `--watch` stores there what it finds in the folder."""
    if not folder.is_dir():
        raise StoreError("--watch needs a folder to watch; this is none", file=str(folder))
    for path in (db, db.parent):
        if path.exists() and not os.access(path, os.W_OK):
            raise StoreError(
                "--watch stores new articles in the database, but this is read-only for this user; "
                "make it writable, pass another --db, or serve without --watch",
                file=str(path),
            )
