"""One BLAS thread for each oppija process, so that a room of learners does not fight over cores.

oppija's matrices are a few numbers wide: a second BLAS thread never pays for itself there, and
on a busy machine the threads spin and wait for each other (a 2-64-64-1 training step burned
25 times the CPU of one thread on two shared cores). The number is left alone when the user
has set any of the variables below.
"""

from __future__ import annotations

import functools
import os
import sys

THREAD_VARIABLES = (
    "OPENBLAS_NUM_THREADS",  # NumPy's own wheels (OpenBLAS)
    "OMP_NUM_THREADS",  # OpenMP builds of OpenBLAS, BLIS and MKL
    "MKL_NUM_THREADS",
    "BLIS_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",  # Apple's Accelerate
)
"""What each BLAS reads when it loads, to know how many threads to start."""


@functools.cache  # once a process: `oppija` calls it at start, tests call main() many times
def limit_blas_threads() -> None:
    """Ask every BLAS for one thread: at process start, before NumPy, or at once if it is loaded.

    Before NumPy is imported the environment is enough, and costs start-up nothing (NumPy loads
    later, with the first demo); once it is loaded, threadpoolctl changes the running libraries.
    """
    if any(name in os.environ for name in THREAD_VARIABLES):
        return  # the user chose
    if "numpy" not in sys.modules:
        os.environ.update(dict.fromkeys(THREAD_VARIABLES, "1"))
        return
    # threadpoolctl ships no type information (no py.typed); one call, checked by its test.
    from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

    threadpool_limits(limits=1, user_api="blas")
