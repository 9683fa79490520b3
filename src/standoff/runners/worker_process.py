"""The start of a worker process, kept apart from the modules that import numpy.

A spawned worker imports what it needs to unpickle its start-up call before that call runs. The
call and its argument (the settings, pickled) import nothing heavy, so the worker can limit the
numeric libraries' threads before numpy loads, then load the coder.
"""

from __future__ import annotations

import pickle

from standoff.threads import use_one_native_thread


def start(settings: bytes) -> None:
    use_one_native_thread()
    from standoff.runners.workers import start_worker

    start_worker(pickle.loads(settings))
