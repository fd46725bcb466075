"""Entry point: check the command line first, then start Qt, show the window and list."""

from __future__ import annotations

import functools
import logging
import os
import sys
import time
from dataclasses import replace
from typing import TYPE_CHECKING, NoReturn, Protocol

from viewer.cli import (
    USAGE_ERROR,
    DesktopCommand,
    ListKeys,
    Options,
    UsageError,
    fail,
    parse,
    print_keys,
    run_desktop,
    sentence_to_clause,
    start_out_of_range,
)

if TYPE_CHECKING:  # Qt is imported only once the command line has been checked
    from PyQt5.QtWidgets import QApplication

    from viewer.model.images.load_task import Loader
    from viewer.startup.early import EarlyStart
    from viewer.startup.first_frame import FirstFrame
    from viewer.startup.first_image import FirstImage
    from viewer.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)
#: How long work still running at quit may take to end before the process leaves without it.
FINISH_GRACE_S = 0.5


def main(argv: list[str] | None = None, loader: Loader | None = None) -> int:
    """Run the viewer; returns the process exit status.

    Args:
        argv: the arguments after the program name (default: ``sys.argv[1:]``).
        loader: replaces the file loader (tests inject hanging ones); without one, the first
            image is read early, on a plain thread, while Qt starts (``viewer.startup``).

    If reads or a listing still hang on a dead share when the window closes, this does not
    return: the process leaves at once through ``leave_now``.
    """
    try:
        options = parse(sys.argv[1:] if argv is None else argv)
    except UsageError as error:
        return fail(str(error))
    except ListKeys:
        return print_keys()
    except DesktopCommand as command:
        return run_desktop(command.install)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    from viewer.startup.allocator import return_large_buffers

    return_large_buffers()  # before any thread starts
    early, first = (
        (None, None) if loader is not None or options.demo_waits else _begin_early(options)
    )
    app = _application(early)
    frame = _show_first_frame(first)
    if frame is not None:
        from viewer.startup.warm_up import warm_up

        if not warm_up(frame):
            return 0  # closed by the user before the viewer was ready
    from viewer.startup.early import quiet_bomb_warnings
    from viewer.ui.window.icon import application_icon

    quiet_bomb_warnings()
    app.setWindowIcon(application_icon())  # after the first image: reading it takes 40 ms
    window, parts = _build(options, loader, early)
    if options.demo_to_make:
        parts = (*parts, _make_demo(window, options))
    if frame is None:
        window.show_restored()
    else:
        from viewer.startup.hand_over import HandOver

        HandOver(frame, window, window.model.loadFailed)
    if options.path is not None:
        _fail_like_the_command_line(app, window, options, frame)
        window.subfolders.set_included(options.recursive)
        if not options.demo_waits:
            window.open_path(options.path, None if options.start is None else options.start - 1)
    else:
        window.offer_reopen()
    return _run_then_shut_down(app, parts)


def _build(
    options: Options, loader: Loader | None, early: EarlyStart | None
) -> tuple[MainWindow, tuple[_Part, ...]]:
    """The window and the parts to stop when it closes: model, previews, lister, thumbnails."""
    from viewer.core.previews.thumbcache import ThumbnailCache
    from viewer.core.previews.thumbnailer import make_thumbnail
    from viewer.model.folder.lister import FolderLister
    from viewer.model.images.prefetch_model import PrefetchModel
    from viewer.model.previews.pipeline import PreviewPipeline
    from viewer.model.thumbnails.model import ThumbnailModel
    from viewer.model.verdicts.book import VerdictBook
    from viewer.settings.store import Settings
    from viewer.ui.window.main_window import MainWindow

    settings = Settings()
    preferences = replace(settings.preferences(), **options.overrides)
    cache = ThumbnailCache(budget_bytes=preferences.thumbnail_cache_mb << 20)
    previews = PreviewPipeline(cache, preferences.max_image_mb << 20, settings.colour_settings())
    model = PrefetchModel(
        _loader(loader, early, options, preferences.max_image_mb << 20, previews.loader),
        threads=preferences.threads,
        plan=preferences.plan,
        max_images=preferences.cache_images,
        max_bytes=preferences.max_bytes,
    )
    lister = FolderLister(poll_seconds=preferences.poll_seconds)
    current = previews.current_for(model)
    thumbnails = ThumbnailModel(functools.partial(make_thumbnail, cache=cache))
    verdicts = VerdictBook()
    window = MainWindow(
        model, settings=settings, lister=lister, previews=current, thumbnails=thumbnails,
        verdicts=verdicts,
    )  # fmt: skip
    return window, (model, previews, lister, thumbnails, verdicts)


def _make_demo(window: MainWindow, options: Options) -> _Part:
    """The demo's first run: its images are made while the window shows; the folder opens
    as soon as the first is written, and its watcher picks up the rest."""
    from viewer.demo import folder as demo
    from viewer.demo.making import DemoMaking

    assert options.path is not None
    folder = options.path
    making = DemoMaking(window)
    making.failed.connect(lambda text: window.messages.problem(text, in_view=True))
    if options.demo_waits:
        window.messages.in_view("Making the demo's images (first run only)…")

        def on_made(number: int) -> None:
            if number == 1:
                window.open_path(folder)

        making.made.connect(on_made)
    making.start(folder, demo.DEMO_COUNT, demo.DEMO_SIZE)
    return making


class _Part(Protocol):
    """What the app stops when the window closes: the model, previews, lister, thumbnails."""

    def shutdown(self) -> object: ...

    def has_running_work(self) -> bool: ...


def _run_then_shut_down(app: QApplication, parts: tuple[_Part, ...]) -> int:
    """Run the event loop, then stop every part; leave at once if a read still hangs.

    Work about to end (a thumbnail being decoded, a watch being set up) is given
    ``FINISH_GRACE_S`` to end first, so that only a read that really hangs ends the process
    without unwinding it.
    """
    status = int(app.exec_())
    for part in parts:
        part.shutdown()
    deadline = time.monotonic() + FINISH_GRACE_S
    while _work_running(parts) and time.monotonic() < deadline:
        time.sleep(0.005)  # the window is gone: nothing waits on this thread
    if _work_running(parts):
        # After a refused start, the one-line error must stay the only line on stderr.
        leave_now(status, say_why=status != USAGE_ERROR)
    return status


def _work_running(parts: tuple[_Part, ...]) -> bool:
    """Whether a part, or any pool of the model's (a verdict read, an aid, a file operation),
    still runs a task: Python's exit would then destroy a pool that waits for it holding the
    GIL the task needs, and hang (``viewer.model.task_pools``)."""
    from viewer.model.task_pools import live_pools

    busy = any(pool.activeThreadCount() > 0 for pool in live_pools())
    return busy or any(part.has_running_work() for part in parts)


def _begin_early(options: Options) -> tuple[EarlyStart | None, FirstImage | None]:
    """Start reading the named file, or the folder's first or ``--start`` image; the screen's
    size remembered from the last start lets its decode begin before Qt knows the screen."""
    if options.path is None or (options.recursive and options.start is not None):
        return None, None  # a walk's Nth image is known only once the walk is done
    from viewer.startup.early import EarlyStart
    from viewer.startup.first_image import FirstImage

    first = FirstImage(options.max_image_bytes)
    start = 0 if options.start is None else options.start - 1
    wants_place = options.is_folder and options.start is None
    early = EarlyStart(
        options.path, folder=options.is_folder, start=start,
        max_bytes=options.max_image_bytes, first=first, wants_place=wants_place,
        lister=_first_images if options.recursive else None,
    ).begin()  # fmt: skip
    from viewer.settings.start import StartSettings

    settings = StartSettings()
    if wants_place:  # read here, beside the listing: the early thread never calls Qt
        early.set_place(settings.place_in(options.path))
    if settings.converts_for_monitor():
        first.refuse()
    if (box := settings.screen_box()) is not None:
        early.set_display_box(box)
    return early, first


def _first_images(folder: str) -> list[str]:
    """With subfolders, the early start reads the first image of the first folder that has
    any, as soon as that folder is listed."""
    from viewer.core.folder.subfolders import first_images

    return first_images(folder)


def _application(early: EarlyStart | None) -> QApplication:
    """The running QApplication (tests start one), named. It is made before
    the rest of the viewer is imported: the screen it knows is what the early decode waits
    for (and what the next start's decode will take before knowing it)."""
    from PyQt5.QtWidgets import QApplication

    from viewer.settings.start import APPLICATION, ORGANIZATION, StartSettings
    from viewer.ui.window.placement import screen_box

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APPLICATION)
    app.setOrganizationName(ORGANIZATION)
    if early is not None and (box := screen_box()) is not None:
        early.set_display_box(box)
        settings = StartSettings()
        if settings.screen_box() != box:
            settings.remember_screen_box(box)
    return app


def _show_first_frame(first: FirstImage | None) -> FirstFrame | None:
    """The window's place, shown with the first image as soon as it is decoded."""
    if first is None or not first.is_wanted():
        return None
    from viewer.settings.start import StartSettings
    from viewer.startup.first_frame import FirstFrame

    frame = FirstFrame(StartSettings())
    frame.show_placed()
    first.attach(frame)
    return frame


def _loader(
    given: Loader | None,
    early: EarlyStart | None,
    options: Options,
    max_image_bytes: int,
    usual: Loader,
) -> Loader:
    """The injected loader, or the usual one whose first load takes the early result
    (unless the saved preferences set another per-image limit than the early decode used)."""
    if given is not None:
        return given
    if early is not None and max_image_bytes == options.max_image_bytes:
        return early.loader(usual)
    return usual


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


def _fail_like_the_command_line(
    app: QApplication, window: MainWindow, options: Options, frame: FirstFrame | None
) -> None:
    """Errors only the listing can find end the app as a bad command line does: status 2."""

    def give_up(message: str) -> None:
        fail(message)
        if frame is not None:
            frame.close_handed_over()
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
