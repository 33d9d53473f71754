"""The supervision board: red, yellow and green at a glance, in the browser, on an intranet.

Served by the same process as the JSON service (``deadlines serve``, in the optional extra
``deadlines[server]``): the service includes `make_router`'s routes. The pages are rendered on
the server (Jinja2, no JavaScript), Chinese by default, with every asset served by the package.
See docs/board.md.
"""

from __future__ import annotations

from deadlines.board._router import UPLOAD_PATH, make_router

__all__ = ["UPLOAD_PATH", "make_router"]
