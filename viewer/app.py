"""Entry point: parse the command line first, then start Qt and show the window."""

from __future__ import annotations

import logging
import os
import sys
import warnings
from dataclasses import replace
from typing import TYPE_CHECKING, NoReturn

from viewer.cli import UsageError, fail, parse

if TYPE_CHECKING:
    from viewer.model.load_task import Loader

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None, loader: Loader | None = None) -> int:
    """Run the viewer; returns the process exit status.

    Args:
        argv: the arguments after the program name (default: ``sys.argv[1:]``).
        loader: replaces the file loader (tests inject hanging ones).

    If reads are still hanging on a dead share when the window closes, this does not return:
    the process leaves at once through ``leave_now``.
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

    from PyQt5.QtWidgets import QApplication

    from viewer.model.load_task import file_loader
    from viewer.model.prefetch_model import PrefetchModel
    from viewer.ui.icon import application_icon
    from viewer.ui.main_window import MainWindow
    from viewer.ui.settings import APPLICATION, ORGANIZATION, Settings

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    app.setWindowIcon(application_icon())
    settings = Settings()
    preferences = replace(settings.preferences(), **options.overrides)
    model = PrefetchModel(
        loader or file_loader(options.max_image_bytes),
        threads=preferences.threads,
        plan=preferences.plan,
        max_images=preferences.cache_images,
        max_bytes=preferences.max_bytes,
    )
    window = MainWindow(model, settings=settings)
    window.show_restored()
    if options.sequence is not None:
        window.open_sequence(options.sequence, options.start_index)
    else:
        window.offer_reopen()
    status = int(app.exec_())
    model.shutdown(wait=False)
    if model.has_running_work():
        leave_now(status)
    return status


def leave_now(status: int) -> NoReturn:
    """Exit without waiting for reads that hang on a share that stopped answering.

    A normal exit would never finish: ``QThreadPool``'s destructor waits for its running
    tasks, and a read blocked in the kernel cannot be cancelled. Nothing is lost by leaving:
    the reads only fill a cache of images.
    """
    log.info("Leaving without waiting for reads that have not returned.")
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)
