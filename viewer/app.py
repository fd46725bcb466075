"""Entry point: check the command line first, then start Qt, show the window and list."""

from __future__ import annotations

import logging
import os
import sys
import warnings
from dataclasses import replace
from typing import TYPE_CHECKING, NoReturn

from viewer.cli import (
    USAGE_ERROR,
    Options,
    UsageError,
    fail,
    parse,
    sentence_to_clause,
    start_out_of_range,
)

if TYPE_CHECKING:  # Qt is imported only once the command line has been checked
    from PyQt5.QtWidgets import QApplication

    from viewer.model.load_task import Loader
    from viewer.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None, loader: Loader | None = None) -> int:
    """Run the viewer; returns the process exit status.

    Args:
        argv: the arguments after the program name (default: ``sys.argv[1:]``).
        loader: replaces the file loader (tests inject hanging ones).

    If reads or a listing still hang on a dead share when the window closes, this does not
    return: the process leaves at once through ``leave_now``.
    """
    try:
        options = parse(sys.argv[1:] if argv is None else argv)
    except UsageError as error:
        return fail(str(error))
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

    from PIL import Image

    # The decoder checks every image against its own byte limit before decoding, so Pillow's
    # warning below its hard decompression-bomb limit would only be noise in the log.
    warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)

    from viewer.core.thumbcache import ThumbnailCache
    from viewer.model.folder_lister import FolderLister
    from viewer.model.prefetch_model import PrefetchModel
    from viewer.model.previews import PreviewPipeline
    from viewer.ui.main_window import MainWindow
    from viewer.ui.settings import Settings

    app = _application()
    settings = Settings()
    preferences = replace(settings.preferences(), **options.overrides)
    cache = ThumbnailCache(budget_bytes=preferences.thumbnail_cache_mb << 20)
    previews = PreviewPipeline(cache, preferences.max_image_mb << 20, settings.colour_settings())
    model = PrefetchModel(
        loader or previews.loader,
        threads=preferences.threads,
        plan=preferences.plan,
        max_images=preferences.cache_images,
        max_bytes=preferences.max_bytes,
    )
    lister = FolderLister(poll_seconds=preferences.poll_seconds)
    current = previews.current_for(model)
    window = MainWindow(model, settings=settings, lister=lister, previews=current)
    window.show_restored()
    if options.path is not None:
        _fail_like_the_command_line(app, window, options)
        window.open_path(options.path, 0 if options.start is None else options.start - 1)
    else:
        window.offer_reopen()
    status = int(app.exec_())
    parts = (model, previews, lister)
    for part in parts:
        part.shutdown()
    if any(part.has_running_work() for part in parts):
        # After a refused start, the one-line error must stay the only line on stderr.
        leave_now(status, say_why=status != USAGE_ERROR)
    return status


def _application() -> QApplication:
    """The running QApplication (tests start one), named and with its icon."""
    from PyQt5.QtWidgets import QApplication

    from viewer.ui.icon import application_icon
    from viewer.ui.settings import APPLICATION, ORGANIZATION

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setWindowIcon(application_icon())
    return app


def leave_now(status: int, *, say_why: bool = True) -> NoReturn:
    """Exit without waiting for reads or listings that hang on a share that stopped answering.

    A normal exit would never finish: ``QThreadPool``'s destructor waits for its running
    tasks, and a read blocked in the kernel cannot be cancelled. Nothing is lost by leaving:
    the reads only fill a cache of images, and a listing only refreshes the folder.
    """
    if say_why:
        log.info("Leaving without waiting for reads that have not returned.")
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def _fail_like_the_command_line(app: QApplication, window: MainWindow, options: Options) -> None:
    """Errors only the listing can find end the app as a bad command line does: status 2."""

    def give_up(message: str) -> None:
        fail(message)
        window.close()
        app.exit(USAGE_ERROR)

    def stop_listening() -> None:
        window.openFailed.disconnect(on_failed)
        window.opened.disconnect(on_opened)

    def on_failed(message: str) -> None:
        stop_listening()
        give_up(sentence_to_clause(message))

    def on_opened(count: int) -> None:
        stop_listening()
        if options.start is not None and options.path is not None:
            problem = start_out_of_range(options.start, options.path, count)
            if problem is not None:
                give_up(problem)

    window.openFailed.connect(on_failed)
    window.opened.connect(on_opened)
