"""Presses keys on an X screen and records what its middle shows: the screen benchmarks' eye.

Prints ``ready`` once connected. Commands on stdin, one a line, each answered by one JSON line:

- ``blank TIMEOUT``: waits until the middle of the screen shows no picture (the last viewer's
  window is gone); ``{"ok": …}``.
- ``picture TIMEOUT``: waits for a picture in the middle of the screen; ``{"ok": …}``.
- ``settle STABLE TIMEOUT``: waits until the screen has not changed for ``STABLE`` seconds;
  ``{"ok": …}``.
- ``press INTERVAL_MS STABLE TIMEOUT KEEP KEY…``: presses the keys (``End``, ``shift+g``…) one
  every ``INTERVAL_MS``, then watches until the screen has changed and then not changed for
  ``STABLE`` seconds (or ``TIMEOUT`` passed after the last press), keeping that screen as the
  PNG ``KEEP`` unless it is ``-``. Answers
  ``{"presses": [t…], "before": [hash, colours], "frames": [[t, hash, colours]…], "strips":
  {hash: [row, column]}, "ok": …}``: the wall-clock time of each press, the screen just before
  the first, each change after, and the pixels of each screen seen (base64 of ``RGB32``).
  With no key it watches from the command on (``startup_screen.py``'s start: the viewer is
  spawned just after), until the screen changed and then stayed the same; ``presses`` is empty.

Only the middle row and column of the screen are grabbed (``screen_watch.grab``), every ~2 ms,
and a frame is their hash. Keys are sent the way ``xdotool key`` sends them (XTEST, then a
round trip so the server has them), but from this process: an ``xdotool`` process takes
3–40 ms to start on a loaded machine, which would blur the moment of the press and the burst's
rhythm.
"""

from __future__ import annotations

import base64
import ctypes
import ctypes.util
import hashlib
import json
import sys
import time
from typing import Any

from PyQt5.QtGui import QGuiApplication, QImage

from bench.screen_watch import PICTURE_COLOURS, colours, grab, keep

#: Between two grabs: the watcher leaves the CPU to the viewer.
PERIOD = 0.002

Frame = tuple[str, int, bytes, bytes]  # hash of the strips, colours in them, row, column
_COLOURS: dict[str, int] = {}


class Keyboard:
    """Fake key presses through XTEST on the ``DISPLAY``'s server."""

    def __init__(self) -> None:
        self.x11: Any = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        self.xtest: Any = ctypes.CDLL(ctypes.util.find_library("Xtst") or "libXtst.so.6")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XStringToKeysym.restype = ctypes.c_ulong
        self.x11.XStringToKeysym.argtypes = [ctypes.c_char_p]
        self.x11.XKeysymToKeycode.restype = ctypes.c_ubyte
        self.x11.XKeysymToKeycode.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
        self.x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        self.xtest.XTestFakeKeyEvent.argtypes = [
            ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong
        ]  # fmt: skip
        self.display = self.x11.XOpenDisplay(None)
        if not self.display:
            raise RuntimeError("cannot open the X display for key presses")

    def codes(self, key: str) -> list[int]:
        """The keycodes of ``key``, modifiers first: ``shift+g`` is Shift_L then g."""
        codes = []
        for name in key.split("+"):
            name = {"shift": "Shift_L", "ctrl": "Control_L", "alt": "Alt_L"}.get(name, name)
            code = self.x11.XKeysymToKeycode(self.display, self.x11.XStringToKeysym(name.encode()))
            if not code:
                raise ValueError(f"no key {name!r} on this keyboard")
            codes.append(int(code))
        return codes

    def press(self, codes: list[int]) -> float:
        """Press and release the keys; the wall-clock time once the server has the press."""
        for code in codes:
            self.xtest.XTestFakeKeyEvent(self.display, code, 1, 0)
        self.x11.XSync(self.display, 0)
        pressed = time.time()
        for code in reversed(codes):
            self.xtest.XTestFakeKeyEvent(self.display, code, 0, 0)
        self.x11.XSync(self.display, 0)
        return pressed


def frame() -> Frame:
    """The screen's middle row and column: their hash, colours, and pixels (``RGB32``: B, G, R,
    255 for each pixel)."""
    strips = grab()
    row, column = (_bytes(strip) for strip in strips)
    digest = hashlib.blake2b(row + column, digest_size=8).hexdigest()
    if digest not in _COLOURS:  # counted once a screen: the grabs stay cheap
        _COLOURS[digest] = colours(strips)
    return digest, _COLOURS[digest], row, column


def _bytes(image: QImage) -> bytes:
    image = image.convertToFormat(QImage.Format_RGB32)
    bits = image.constBits()
    assert bits is not None
    return bits.asstring(image.sizeInBytes())


def wait_for(test: Any, timeout: float) -> bool:
    """Grab until ``test(frame)`` holds; False after ``timeout`` seconds."""
    end = time.time() + timeout
    while not test(frame()):
        if time.time() > end:
            return False
        time.sleep(PERIOD)
    return True


def settle(stable: float, timeout: float) -> bool:
    """Grab until the screen has not changed for ``stable`` seconds; False after ``timeout``."""
    end = time.time() + timeout
    last, since = frame(), time.time()
    while time.time() - since < stable:
        if time.time() > end:
            return False
        time.sleep(PERIOD)
        now = frame()
        if now[0] != last[0]:
            last, since = now, time.time()
    return True


def press(keyboard: Keyboard, words: list[str]) -> dict[str, Any]:
    interval, stable, timeout = float(words[0]) / 1000, float(words[1]), float(words[2])
    kept, keys = words[3], [keyboard.codes(key) for key in words[4:]]
    before = frame()
    presses: list[float] = []
    frames: list[tuple[float, str, int]] = []
    strips = {before[0]: before[2:]}
    last, since = before, time.time()
    due = start = time.time()
    while True:
        if len(presses) < len(keys) and time.time() >= due:
            presses.append(keyboard.press(keys[len(presses)]))
            due = presses[0] + interval * len(presses)
            since = presses[-1]
        now = frame()
        seen = time.time()
        if now[0] != last[0]:
            frames.append((seen, now[0], now[1]))
            strips.setdefault(now[0], now[2:])
            last, since = now, seen
        if len(presses) == len(keys):
            if frames and seen - since >= stable:
                ok = True
                break
            if seen - (presses[-1] if presses else start) > timeout:
                ok = False
                break
        time.sleep(PERIOD)
    if kept != "-":
        keep(kept)
    pixels = {
        digest: [base64.b64encode(strip).decode() for strip in pair]
        for digest, pair in strips.items()
    }  # fmt: skip
    return {"presses": presses, "before": before[:2], "frames": frames, "strips": pixels, "ok": ok}


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    assert app is not None
    keyboard = Keyboard()
    print("ready", flush=True)
    for line in sys.stdin:
        command, *words = line.split()
        answer: dict[str, Any]
        if command == "blank":
            answer = {"ok": wait_for(lambda f: f[1] < PICTURE_COLOURS, float(words[0]))}
        elif command == "picture":
            answer = {"ok": wait_for(lambda f: f[1] >= PICTURE_COLOURS, float(words[0]))}
        elif command == "settle":
            answer = {"ok": settle(float(words[0]), float(words[1]))}
        elif command == "press":
            answer = press(keyboard, words)
        else:
            answer = {"ok": False, "error": f"unknown command {command!r}"}
        print(json.dumps(answer), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
