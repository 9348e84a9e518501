"""Run one command and report its wall time, peak memory and exit status.

The runner starts this script with ``python -I -S`` (a small process: about 8 MB), and
this script starts the measured command. A child's peak memory (``ru_maxrss``) counts
the memory of the process it was forked from, so forking the command from the runner
would add the runner's own size to every figure; forked from this small process, the
smallest command measured (``python -c pass``) is still bigger than the trampoline.

Usage: ``python -I -S trampoline.py STDERR_FILE COMMAND [ARG...]``; prints
``seconds peak_kb exit_code`` on stdout. The command's stdout goes to /dev/null.
"""

import os
import sys
import time


def main() -> None:
    stderr_file, argv = sys.argv[1], sys.argv[2:]
    actions = [
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, stderr_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
    ]
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=actions)
    _pid, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    print(f"{seconds:.6f} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")


main()
