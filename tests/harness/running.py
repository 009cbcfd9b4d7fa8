"""What a stack driver's `production(workdir)` yields: its production server, running.

Each `tests/stacks/<stack>.py` has

    @contextlib.contextmanager
    def production(workdir: Path) -> Iterator[Running]:
        '''`make migrate serve` (the production server) on a throwaway database.'''

The conformance suite sends its requests to `running.base_url`; the load benchmark
(benchmarks/load.py) also fills the database with `running.insert_tasks`, which writes
straight to the database (set-based, seconds for 100,000 rows), not through the API.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Running:
    stack: str
    base_url: str
    # insert_tasks(owner_email, count): `count` tasks for that (registered) user, statuses
    # cycling todo/doing/done, distinct createdAt, a dueDate on every other task.
    insert_tasks: Callable[[str, int], None]
