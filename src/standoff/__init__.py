"""standoff: political event data from news text."""

import os

# spaCy's small matrix products run fastest on one thread, and standoff gets its parallelism from
# worker processes. Numeric libraries that start thread pools of their own also make the whole
# process slower: once a second thread exists, every memory allocation takes a lock. So unless the
# user chose otherwise, they get one thread; this must happen before numpy is first imported.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")
