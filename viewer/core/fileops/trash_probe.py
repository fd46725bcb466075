"""Where the trash for a file is, and whether its volume has one at all.

``send2trash`` moves files to the trash but cannot say in advance whether a volume has one,
and on a share without one the desktop either fails or deletes for good. We ask first, so the
viewer can ask the user once per folder. On Linux the freedesktop trash is found the way
``send2trash`` and GIO look for it: the home trash for files on the home device, otherwise
``$topdir/.Trash/$uid`` or ``$topdir/.Trash-$uid`` on the file's own volume.
"""

from __future__ import annotations

import os
import stat
import sys

#: Mount types of network shares: a trash there is, at best, a hidden folder on the server.
NETWORK_FILE_SYSTEMS = frozenset(
    {"cifs", "smb3", "smbfs", "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "9p", "afs"}
    | {"ncpfs", "fuse.rclone", "fuse.gvfsd-fuse"}
)
_DRIVE_REMOTE = 4  # GetDriveTypeW


def home_trash() -> str:
    """``$XDG_DATA_HOME/Trash``, read when asked (tests point it at a temporary folder)."""
    data_home = os.environ.get("XDG_DATA_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "share"
    )
    return os.path.join(data_home, "Trash")


def _device(path: str) -> int | None:
    """The device of ``path`` or of its nearest existing parent."""
    while True:
        try:
            return os.stat(path).st_dev
        except OSError:
            parent = os.path.dirname(path)
            if parent == path:
                return None
            path = parent


def mount_point(path: str) -> str:
    path = os.path.realpath(path)
    while not os.path.ismount(path):
        parent = os.path.dirname(path)
        if parent == path:
            break
        path = parent
    return path


def _mount_type(mount: str) -> str:
    """The file-system type of a Linux mount point, or "" if ``/proc`` does not say."""
    try:
        with open("/proc/self/mounts", encoding="utf-8", errors="replace") as mounts:
            lines = mounts.read().splitlines()
    except OSError:
        return ""
    found = ""
    for line in lines:
        parts = line.split()
        if len(parts) >= 3 and parts[1].replace("\\040", " ") == mount:
            found = parts[2]  # the last mount on a point is the one in use
    return found


def volume_trashes(folder: str) -> list[tuple[str, str]]:
    """``(trash folder, top folder its paths are relative to)`` that may hold ``folder``'s
    files, the likeliest first (Linux)."""
    data_home = os.path.dirname(home_trash())
    top = mount_point(folder)
    uid = str(os.getuid()) if hasattr(os, "getuid") else "0"
    return [
        (home_trash(), data_home),
        (os.path.join(top, ".Trash", uid), top),
        (os.path.join(top, f".Trash-{uid}"), top),
    ]


def _linux_has_trash(folder: str) -> bool:
    folder_device = _device(folder)
    if folder_device is not None and folder_device == _device(home_trash()):
        return True
    top = mount_point(folder)
    if _mount_type(top) in NETWORK_FILE_SYSTEMS:
        return False
    shared = os.path.join(top, ".Trash")
    try:
        mode = os.lstat(shared).st_mode
    except OSError:
        mode = 0
    if stat.S_ISDIR(mode) and mode & stat.S_ISVTX and os.access(shared, os.W_OK):
        return True
    own = volume_trashes(folder)[2][0]
    if os.path.isdir(own):
        return os.access(own, os.W_OK)
    return os.access(top, os.W_OK)


def _windows_has_trash(folder: str) -> bool:
    """No recycle bin on UNC paths or mapped network drives."""
    absolute = os.path.abspath(folder)
    if absolute.upper().startswith("\\\\?\\UNC\\"):
        return False
    if absolute.startswith("\\\\") and not absolute.startswith("\\\\?\\"):
        return False
    import ctypes

    drive = os.path.splitdrive(absolute)[0].replace("\\\\?\\", "") + "\\"
    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return True
    return bool(windll.kernel32.GetDriveTypeW(drive) != _DRIVE_REMOTE)


def _mac_has_trash(folder: str) -> bool:
    """The home volume has a trash; another volume has one if it keeps ``.Trashes``."""
    if _device(folder) == _device(os.path.expanduser("~")):
        return True
    return os.path.isdir(os.path.join(mount_point(folder), ".Trashes"))


def has_trash(folder: str) -> bool:
    """Whether ``folder``'s files can be sent to a trash they can be restored from."""
    if sys.platform == "win32":
        return _windows_has_trash(folder)
    if sys.platform == "darwin":
        return _mac_has_trash(folder)
    return _linux_has_trash(folder)
