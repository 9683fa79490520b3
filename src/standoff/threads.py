"""One thread for the numeric libraries in the processes that code: the CLI, workers, Ray actors.

spaCy's small matrix products run fastest on one thread, and standoff gets its parallelism from
worker processes. A numeric library that starts a thread pool of its own also slows the whole
process down: once a second thread exists, every memory allocation takes a lock. OpenMP,
OpenBLAS and MKL read their thread count once, when loaded, so this must happen before numpy is
first imported. Importing standoff does not do it: a program that imports it keeps its own setup.
"""

from __future__ import annotations

import os

_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def native_thread_environment() -> dict[str, str]:
    """The variables that give each library one thread, or the values the user chose."""
    return {variable: os.environ.get(variable, "1") for variable in _VARIABLES}


def use_one_native_thread() -> None:
    """Set the variables in this process (and so in the processes it starts), unless already set."""
    os.environ.update(native_thread_environment())
