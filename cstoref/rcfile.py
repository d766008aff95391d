"""Safe changes to a user's own files (shell rc files, completion scripts): never in place.

A file is replaced whole: its new bytes go to a temporary file beside it, which is synced and
then renamed over the old one, so a full disk, a crash or a kill leaves either the old file or
the new one, never a part of either. The bytes the user wrote are kept exactly (line ends,
a byte-order mark, a missing final newline), and so are the file's mode and owner; a symlink
is written through to the file it names, and a file with hard links is refused, since a new
file would part it from its other names. Changes hold a lock on the file's directory, so that
two installs at once neither lose a line nor add it twice.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .errors import CstorefError


class FileRefused(CstorefError):
    """A user's file that cannot or must not be changed; nothing was written."""

    exit_code = 1


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def resolved(path: str) -> str:
    """The file that `path` names, through any symlinks (it need not exist yet)."""
    return os.path.realpath(path)


@contextmanager
def locked(path: str) -> Iterator[None]:
    """Hold an exclusive lock for changing `path` (the real file, see `resolved`).

    The lock is on the directory: the file itself is replaced while the lock is held, and it
    may not exist yet, so neither could carry a lock that every writer sees.
    """
    import fcntl

    directory = os.path.dirname(path) or "."
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        raise FileRefused(f"cannot open the folder {directory} ({_why(exc)}); nothing was changed") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError as exc:
            if exc.errno not in (errno.ENOLCK, errno.EINVAL, errno.EOPNOTSUPP, errno.EBADF):
                raise
            # A filesystem that cannot lock a folder (some network ones): a lock file instead.
            os.close(fd)
            fd = os.open(os.path.join(directory, f".{os.path.basename(path)}.lock"), os.O_RDWR | os.O_CREAT, 0o600)
            fcntl.lockf(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _shown(path: str) -> str:
    real = resolved(path)
    return path if real == os.path.abspath(path) else f"{path} (a link to {real})"


def read(path: str) -> bytes | None:
    """The bytes of the regular file `path`, or None if there is none; never blocks.

    A FIFO would block for ever and a device may act on being opened, so only a regular file
    is opened at all.
    """
    shown = _shown(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise FileRefused(f"{shown}: cannot be read ({_why(exc)}); nothing was changed") from None
    if not stat.S_ISREG(mode):
        raise FileRefused(f"{shown}: {_kind(mode)}, not a regular file; nothing was changed")
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise FileRefused(f"{shown}: cannot be read ({_why(exc)}); nothing was changed") from None
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # replaced between the two looks
            raise FileRefused(f"{shown}: {_kind(mode)}, not a regular file; nothing was changed")
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    except OSError as exc:
        raise FileRefused(f"{shown}: cannot be read ({_why(exc)}); nothing was changed") from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def _linked(count: int) -> str:
    """Why a file with hard links is not replaced: a new file would leave its other names
    holding the old text."""
    return f"has {count} hard links, and replacing it would part them"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _sync_directory(directory: str) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:  # some filesystems cannot sync a folder; the rename is done all the same
        pass
    finally:
        os.close(fd)


def replace(path: str, data: bytes) -> None:
    """Make the real file of `path` hold exactly `data`, atomically; keep its mode and owner.

    On any failure (a full disk among them) the old file is as it was and no temporary file
    is left behind.
    """
    import tempfile

    real = resolved(path)
    shown = _shown(path)
    directory = os.path.dirname(real) or "."
    try:
        old = os.stat(real)
    except FileNotFoundError:
        old = None
    except OSError as exc:
        raise FileRefused(f"{shown}: cannot be read ({_why(exc)}); nothing was changed") from None
    if old is not None and not stat.S_ISREG(old.st_mode):
        raise FileRefused(f"{shown}: {_kind(old.st_mode)}, not a regular file; nothing was changed")
    if old is not None and old.st_nlink > 1:
        raise FileRefused(f"{shown}: {_linked(old.st_nlink)}; nothing was changed")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(real)}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise FileRefused(f"cannot write {path} ({_why(exc)}); it is unchanged") from None
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            if old is not None:
                # The owner first: a change of owner clears the setuid and setgid bits.
                if (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
                    try:
                        os.fchown(fd, old.st_uid, old.st_gid)
                    except PermissionError:  # only root may give a file away; keep ours
                        pass
                os.fchmod(fd, stat.S_IMODE(old.st_mode))
            else:
                os.fchmod(fd, 0o666 & ~_umask())
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, real)
    except BaseException as exc:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise FileRefused(f"cannot write {path} ({_why(exc)}); it is unchanged") from None
        raise
    _sync_directory(directory)


# --- text files with lines added ---------------------------------------------------------------


def decode(path: str, data: bytes) -> str:
    """The text of an rc file: UTF-8 (ASCII included), a byte-order mark kept as a character."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileRefused(
            f"{path}: not UTF-8 text (invalid byte at offset {exc.start}); nothing was changed"
        ) from None


def lines_of(text: str) -> list[str]:
    """The lines of `text` as a shell reads them: split at LF only, a CR before it dropped."""
    return [line[:-1] if line.endswith("\r") else line for line in text.removeprefix("\ufeff").split("\n")]


def newline_of(text: str) -> str:
    """The line end the file already uses (that of its first line), LF for a file with none."""
    end = text.find("\n")
    return "\r\n" if end > 0 and text[end - 1] == "\r" else "\n"


def with_lines(text: str, lines: list[str], *, first: bool = False) -> tuple[str, list[str]]:
    """`text` with each of `lines` it lacks added, at its top if `first`; (text, lines added).

    Nothing of `text` changes: the new lines take its line end, and a file without a final
    newline still ends without one.
    """
    present = set(lines_of(text))
    missing = [line for line in dict.fromkeys(lines) if line not in present]
    if not missing:
        return text, []
    eol = newline_of(text)
    if first:
        bom = "\ufeff" if text.startswith("\ufeff") else ""
        return bom + "".join(line + eol for line in missing) + text[len(bom):], missing
    if not text or text == "\ufeff":
        return text + "".join(line + eol for line in missing), missing
    if text.endswith("\n"):
        return text + "".join(line + eol for line in missing), missing
    return text + "".join(eol + line for line in missing), missing


def update(path: str, change: Callable[[str], tuple[str, list[str]]],
           before: Callable[[], None] | None = None) -> list[str]:
    """Change the text file `path` by `change` (text -> (new text, what was added)), locked.

    `before` runs under the same lock once the file has been read and accepted, so that a
    refused file stops everything before anything is written.
    """
    with locked(resolved(path)):
        data = read(path)
        text = "" if data is None else decode(_shown(path), data)
        new, added = change(text)
        if new != text and data is not None:
            links = os.stat(path).st_nlink
            if links > 1:
                wanted = " and ".join(repr(line) for line in added)
                raise FileRefused(f"{_shown(path)}: {_linked(links)}; add {wanted} to it yourself; nothing was changed")
        if before is not None:
            before()
        if new != text:
            replace(path, new.encode("utf-8"))
    return added
