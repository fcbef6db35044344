"""gunicorn's settings for serving Mreža: ``gunicorn -c config/gunicorn.conf.py config.wsgi``.

The application is loaded once in the master and forked into the workers (``preload_app``),
so the workers share its memory copy-on-write. Everything loaded by then (Django, Wagtail,
the URL and block registries: a quarter of a million objects) is moved out of the garbage
collector's reach with ``gc.freeze()``: otherwise each full collection in a worker walks all
of it again, a pause of about 100 ms every few hundred requests, and writes to every
object's header, which undoes the sharing. A worker freezes once more after its first
requests, which load what it then keeps (compiled queries, templates, site roots).
"""

import gc

preload_app = True
# Requests after which a worker holds what it keeps for its lifetime.
WARM_REQUESTS = 200


def when_ready(server) -> None:
    # Collect once, then freeze what survived: the workers fork from this state.
    gc.collect()
    gc.freeze()


def post_fork(server, worker) -> None:
    # Connections must not be shared across processes; each worker opens its own.
    from django.db import connections

    connections.close_all()


def post_request(worker, req, environ, resp) -> None:
    if worker.nr == WARM_REQUESTS:
        gc.collect()
        gc.freeze()
