"""Runs the viewer in a fresh interpreter, timestamping each start-up phase, and leaves at
the first paint that shows an image, printing the timestamps as one JSON line.

``python startup_child.py [--link RTT,RATE] VIEWER-ARGS…``. Nothing is imported before the
viewer would import it: hooks wrap a module only once the viewer itself imports it, so the
measured imports are the viewer's own. With ``--link``, every file read (the decoder's and the
early start's) waits a round trip and then ``size / RATE`` seconds on one shared link clock,
as ``bench.share.Share`` does.

Phases (wall-clock seconds, first occurrence only): ``python`` (this file's first line),
``qapp_start``/``qapp_end`` (the QApplication), ``frame_start``/``frame_end`` (the first
frame shown), ``frame_decode_*`` (its image decoded by Qt), ``warm_up_*`` (the rest of the
viewer imported while it shows), ``window_start``/``window_end`` (the main window built),
``parts_read_*`` (the first frame's reads of parts of the file: its head and the camera's
preview), ``read_*`` and ``decode_*`` (the first image file read and decoded by the viewer's
decoder, on whatever thread), ``paint_*`` (the first paint of an image, in the first frame or the
window) and ``window_paint_*`` (the window's first paint of it).
"""

from __future__ import annotations

import time

_T0 = time.time()

import importlib.abc  # noqa: E402
import importlib.machinery  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
from collections.abc import Sequence  # noqa: E402
from types import ModuleType  # noqa: E402
from typing import Any, Callable  # noqa: E402

EVENTS: dict[str, float] = {"python": _T0}
_LINK: tuple[float, float] | None = None
_link_lock = threading.Lock()
_link_free_at = [0.0]


def mark(name: str) -> None:
    EVENTS.setdefault(name, time.time())


def timed(function: Callable[..., Any], phase: str) -> Callable[..., Any]:
    """``function`` with ``phase_start`` / ``phase_end`` marked around its first call."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        mark(f"{phase}_start")
        try:
            return function(*args, **kwargs)
        finally:
            mark(f"{phase}_end")

    return wrapper


def spanned(function: Callable[..., Any], phase: str) -> Callable[..., Any]:
    """``function`` with ``phase_start`` at its first call and ``phase_end`` after its last:
    one span over calls that take turns (the first frame's preview, then its whole file)."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        mark(f"{phase}_start")
        try:
            return function(*args, **kwargs)
        finally:
            EVENTS[f"{phase}_end"] = time.time()

    return wrapper


def through_link(read: Callable[..., Any], size_of: Callable[[Any], int]) -> Callable[..., Any]:
    """``read`` delayed as the simulated link would deliver its result."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = read(*args, **kwargs)
        if _LINK is not None:
            rtt, rate = _LINK
            time.sleep(rtt)
            with _link_lock:  # bookkeeping only; the sleep is outside
                start = max(time.perf_counter(), _link_free_at[0])
                _link_free_at[0] = start + size_of(result) / rate
                done_at = _link_free_at[0]
            time.sleep(max(0.0, done_at - time.perf_counter()))
        return result

    return wrapper


class _AfterImport(importlib.abc.MetaPathFinder):
    """Runs a hook on a module right after the viewer's own import of it has executed."""

    def __init__(self, hooks: dict[str, Callable[[ModuleType], None]]) -> None:
        self._hooks = hooks

    def find_spec(
        self, name: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        hook = self._hooks.pop(name, None)
        if hook is None:
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if finder is self or find is None:
                continue
            spec = find(name, path, target)
            if spec is not None and spec.loader is not None:
                break
        else:
            return None
        loader: Any = spec.loader
        execute = loader.exec_module

        def exec_module(module: ModuleType) -> None:
            execute(module)
            hook(module)

        loader.exec_module = exec_module
        found: importlib.machinery.ModuleSpec = spec
        return found


def _hook_widgets(module: ModuleType) -> None:
    mark("qt_imported")
    base: Any = getattr(module, "QApplication")  # noqa: B009

    class TimedApplication(base):  # type: ignore[misc]
        def __init__(self, *args: Any) -> None:
            mark("qapp_start")
            super().__init__(*args)
            mark("qapp_end")

    setattr(module, "QApplication", TimedApplication)  # noqa: B010


def _hook_window(module: ModuleType) -> None:
    window = module.MainWindow
    window.__init__ = timed(window.__init__, "window")
    show = getattr(window, "show_restored", None)
    if show is not None:  # the window counts as built once it is shown
        window.show_restored = timed(show, "shown")


def _hook_view(module: ModuleType) -> None:
    """The first paint of an image, in the first frame or the window (``paint``), and the
    window's own (``window_paint``), after which the child leaves."""
    view = module.ImageView
    paint = view.paintEvent

    def paint_event(self: Any, event: Any) -> None:
        began = time.time()
        paint(self, event)
        if not self.has_image():
            return
        EVENTS.setdefault("paint_start", began)
        EVENTS.setdefault("paint_end", time.time())
        if type(self.window()).__name__ == "MainWindow":
            EVENTS["window_paint_start"] = began
            EVENTS["window_paint_end"] = time.time()
            print(json.dumps(EVENTS), flush=True)
            os._exit(0)

    view.paintEvent = paint_event


def _hook_first_frame(module: ModuleType) -> None:
    frame = module.FirstFrame
    frame.show_placed = timed(frame.show_placed, "frame")


def _hook_first_decode(module: ModuleType) -> None:
    """The first frame's decode of the camera's preview (its ranged read included; older code
    decoded it here too), or of the whole file."""
    for name in ("from_preview", "from_file"):
        if hasattr(module, name):
            setattr(module, name, spanned(getattr(module, name), "frame_decode"))


def _hook_first_preview(module: ModuleType) -> None:
    """The camera's preview: read on the early thread, decoded on the GUI thread."""
    setattr(module, "from_preview", spanned(module.from_preview, "frame_decode"))  # noqa: B010
    module.Preview.decode = spanned(module.Preview.decode, "frame_decode")


def _hook_warm_up(module: ModuleType) -> None:
    setattr(module, "warm_up", timed(module.warm_up, "warm_up"))  # noqa: B010


def _hook_decode(module: ModuleType) -> None:
    """The decoder's reading and decoding, and the early start's, are timed; reads see the
    link."""
    for name, phase in (("read_file", "read"), ("decode_bytes", "decode")):
        function = getattr(module, name, None)
        if function is not None:
            if phase == "read":
                function = through_link(function, lambda result: len(result[0]))
            setattr(module, name, timed(function, phase))


def _hook_early(module: ModuleType) -> None:
    read = getattr(module, "read_bytes", None)
    if read is not None:
        module.read_bytes = timed(  # type: ignore[attr-defined]
            through_link(read, lambda result: len(result[0])), "read"
        )
    read_part = getattr(module, "read_file_range", None)
    if read_part is not None:  # the first frame's head and preview: one span
        linked = spanned(through_link(read_part, len), "parts_read")
        setattr(module, "read_file_range", linked)  # noqa: B010


def main(argv: list[str]) -> int:
    global _LINK
    if argv[:1] == ["--link"]:
        rtt, rate = argv[1].split(",")
        _LINK = (float(rtt), float(rate))
        argv = argv[2:]
    hooks: dict[str, Callable[[ModuleType], None]] = {
        "PyQt5.QtWidgets": _hook_widgets,
        "viewer.ui.window.main_window": _hook_window,
        "viewer.ui.image.image_view": _hook_view,
        "viewer.core.formats.decode": _hook_decode,
        "viewer.startup.early": _hook_early,
        "viewer.startup.first_frame": _hook_first_frame,
        "viewer.startup.first_decode": _hook_first_decode,
        "viewer.startup.first_preview": _hook_first_preview,
        "viewer.startup.warm_up": _hook_warm_up,
    }
    sys.meta_path.insert(0, _AfterImport(hooks))
    from viewer.app import main as viewer_main

    return viewer_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
