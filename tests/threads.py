"""Work started in several threads at once, each on its own database connection (as separate
requests or workers would run it): for the race tests on PostgreSQL."""

import threading

from django.db import connections


def at_once(n, work, *, timeout=60):
    """Run ``work(i)`` for i in 0..n-1 in ``n`` threads released together by a barrier; the
    results and the exceptions raised, each in no particular order."""
    barrier = threading.Barrier(n)
    results, errors = [], []

    def run(i):
        try:
            barrier.wait()
            results.append(work(i))
        except Exception as error:  # handed to the test, which says what it expected
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return results, errors
