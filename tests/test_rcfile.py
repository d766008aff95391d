"""Installing completion never loses or mangles a byte of the user's own files.

Every case compares the rc file byte for byte: line ends, encoding, a missing final newline,
its mode, a symlink to it, concurrent installs, a full disk, and files that must be refused.
"""

from __future__ import annotations

import errno
import os
import shlex
import signal
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import clean_env, run_cli

from cstoref import rcfile
from cstoref.completion import install

ZSH_FPATH = "fpath=(~/.zfunc $fpath)"
ZSH_COMPINIT = "autoload -Uz compinit && compinit"


def home_env(home: Path) -> dict[str, str]:
    env = clean_env(HOME=str(home))
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "ZDOTDIR"):
        env.pop(name, None)
    return env


def bash_line(home: Path) -> str:
    target = shlex.quote(str(home / ".local/share/bash-completion/completions/cstoref"))
    return f"[ -r {target} ] && . {target}  # cstoref Tab completion"


def leftovers(*folders: Path) -> list[Path]:
    """Temporary files an install left behind."""
    return [p for folder in folders if folder.is_dir() for p in folder.iterdir() if p.name.endswith(".tmp")]


def refused(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip("\n").split("\n")
    assert len(lines) == 1 and lines[0].startswith("cstoref: "), result.stderr
    return lines[0]


# --- the bytes of the rc file -------------------------------------------------------------------

CONTENTS = {
    "lf": b"alias ll='ls -l'\nexport EDITOR=vi\n",
    "crlf": b"alias ll='ls -l'\r\nexport EDITOR=vi\r\n",
    "no final newline": b"alias ll='ls -l'\nexport EDITOR=vi",
    "crlf, no final newline": b"alias ll='ls -l'\r\nexport EDITOR=vi",
    "utf-8 with a byte-order mark": "\ufeff# محرر\nexport EDITOR=vi\n".encode(),
    "utf-8, tabs and trailing spaces": "# café ☕ \t \nexport X='é'  \n\n\n".encode(),
    "empty": b"",
}


@pytest.mark.parametrize("name", CONTENTS)
def test_bash_install_appends_one_line_and_keeps_every_byte(tmp_path: Path, name: str) -> None:
    old = CONTENTS[name]
    (tmp_path / ".bashrc").write_bytes(old)
    result = run_cli("completion", "bash", "--install", env=home_env(tmp_path))
    assert result.returncode == 0, result.stderr
    eol = b"\r\n" if b"\r\n" in old else b"\n"
    line = bash_line(tmp_path).encode()
    if not old:
        expected = line + b"\n"
    elif old.endswith(b"\n"):
        expected = old + line + eol
    else:  # still no final newline
        expected = old + eol + line
    assert (tmp_path / ".bashrc").read_bytes() == expected
    again = run_cli("completion", "bash", "--install", env=home_env(tmp_path))
    assert again.returncode == 0 and (tmp_path / ".bashrc").read_bytes() == expected


@pytest.mark.parametrize("name", CONTENTS)
def test_zsh_install_puts_fpath_first_and_keeps_every_byte(tmp_path: Path, name: str) -> None:
    old = CONTENTS[name]
    (tmp_path / ".zshrc").write_bytes(old)
    assert run_cli("completion", "zsh", "--install", env=home_env(tmp_path)).returncode == 0
    eol = b"\r\n" if b"\r\n" in old else b"\n"
    bom = b"\xef\xbb\xbf" if old.startswith(b"\xef\xbb\xbf") else b""
    body = old[len(bom):]
    expected = bom + ZSH_FPATH.encode() + eol + body
    if not old:
        expected += ZSH_COMPINIT.encode() + b"\n"
    elif old.endswith(b"\n"):
        expected += ZSH_COMPINIT.encode() + eol
    else:
        expected += eol + ZSH_COMPINIT.encode()
    assert (tmp_path / ".zshrc").read_bytes() == expected
    assert run_cli("completion", "zsh", "--install", env=home_env(tmp_path)).returncode == 0
    assert (tmp_path / ".zshrc").read_bytes() == expected


def test_a_line_already_there_with_crlf_is_not_added_again(tmp_path: Path) -> None:
    old = f"{ZSH_FPATH}\r\nautoload -Uz compinit\r\ncompinit\r\n".encode()
    (tmp_path / ".zshrc").write_bytes(old)
    result = run_cli("completion", "zsh", "--install", env=home_env(tmp_path))
    assert result.returncode == 0 and "added to" not in result.stdout
    assert (tmp_path / ".zshrc").read_bytes() == old


def test_mode_owner_and_symlink_are_kept(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    real = dotfiles / "bashrc"
    real.write_bytes(b"set -o vi\n")
    real.chmod(0o600)
    (tmp_path / ".bashrc").symlink_to(real)
    assert run_cli("completion", "bash", "--install", env=home_env(tmp_path)).returncode == 0
    assert (tmp_path / ".bashrc").is_symlink() and os.readlink(tmp_path / ".bashrc") == str(real)
    assert real.read_bytes() == b"set -o vi\n" + bash_line(tmp_path).encode() + b"\n"
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert not leftovers(tmp_path, dotfiles)


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_the_setgid_bit_of_an_rc_file_someone_else_owns_is_kept(tmp_path: Path) -> None:
    rc = tmp_path / ".bashrc"
    rc.write_bytes(b"set -o vi\n")
    os.chown(rc, 65534, 65534)
    rc.chmod(0o2751)
    assert run_cli("completion", "bash", "--install", env=home_env(tmp_path)).returncode == 0
    after = rc.stat()
    assert stat.S_IMODE(after.st_mode) == 0o2751 and (after.st_uid, after.st_gid) == (65534, 65534)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_installing_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            signum: int) -> None:
    from cstoref import cli as cli_module
    from cstoref.errors import Ended

    (tmp_path / ".bashrc").write_bytes(b"set -o vi\n")
    for name, value in home_env(tmp_path).items():
        monkeypatch.setenv(name, value)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "ZDOTDIR"):
        monkeypatch.delenv(name, raising=False)
    real_fsync = os.fsync

    def killed(fd: int) -> None:
        os.kill(os.getpid(), signum)  # as `kill` would, while the file is written
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", killed)
    before = signal.getsignal(signum)
    with pytest.raises(Ended):
        cli_module._install_script("bash")
    assert signal.getsignal(signum) == before
    assert (tmp_path / ".bashrc").read_bytes() == b"set -o vi\n"
    assert not leftovers(tmp_path, tmp_path / ".local/share/bash-completion/completions")


def test_a_new_rc_file_and_script_take_the_umask(tmp_path: Path) -> None:
    env = home_env(tmp_path)
    command = [sys.executable, "-c", "import os, sys; os.umask(0o027); from cstoref.entry import main; main(sys.argv[1:])",
               "completion", "bash", "--install"]
    assert subprocess.run(command, env=env, capture_output=True).returncode == 0
    script = tmp_path / ".local/share/bash-completion/completions/cstoref"
    assert stat.S_IMODE((tmp_path / ".bashrc").stat().st_mode) == 0o640
    assert stat.S_IMODE(script.stat().st_mode) == 0o640


# --- files that must be refused -------------------------------------------------------------------


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _folder(path: Path) -> None:
    path.mkdir()


def _device(path: Path) -> None:
    path.symlink_to(os.devnull)


def _latin1(path: Path) -> None:
    path.write_bytes("export NAME='Andrés'\n".encode("latin-1"))


def _utf16(path: Path) -> None:
    path.write_bytes("export X=1\n".encode("utf-16"))


@pytest.mark.parametrize("make", [_fifo, _folder, _device, _latin1, _utf16], ids=lambda f: f.__name__[1:])
@pytest.mark.parametrize(("shell", "rc"), [("bash", ".bashrc"), ("zsh", ".zshrc")])
def test_a_refused_rc_file_gets_one_line_and_nothing_is_written(tmp_path: Path, make, shell: str, rc: str) -> None:
    make(tmp_path / rc)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    snapshot = (tmp_path / rc).read_bytes() if (tmp_path / rc).is_file() else None
    line = refused(run_cli("completion", shell, "--install", env=home_env(tmp_path), timeout=20))
    assert rc in line and "nothing was changed" in line
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before, "no script, no temporary file"
    if snapshot is not None:
        assert (tmp_path / rc).read_bytes() == snapshot


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
@pytest.mark.parametrize("home", ["", "relative/home", "/tmp/new\nline", "/tmp/tab\there"])
def test_a_home_that_is_empty_relative_or_holds_a_control_character_is_refused(tmp_path: Path, shell: str,
                                                                                home: str) -> None:
    """An empty HOME would mean /.bashrc; a newline in a line of .bashrc splits it, and the next
    install would not find it and add it again."""
    before = sorted(tmp_path.rglob("*"))
    # From tmp_path, so that a relative HOME taken as it is would write there, never in the checkout.
    line = refused(run_cli("completion", shell, "--install", env={**home_env(tmp_path), "HOME": home},
                           cwd=tmp_path, timeout=20))
    assert "nothing was written" in line and ("HOME" in line or "control character" in line)
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.parametrize("name", ["XDG_DATA_HOME", "XDG_CONFIG_HOME", "ZDOTDIR"])
def test_a_relative_xdg_folder_is_ignored_as_the_spec_says(tmp_path: Path, name: str) -> None:
    shell = {"XDG_DATA_HOME": "bash", "XDG_CONFIG_HOME": "fish", "ZDOTDIR": "zsh"}[name]
    result = run_cli("completion", shell, "--install", env={**home_env(tmp_path), name: "rel-xdg-dir"}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "rel-xdg-dir").exists()
    assert "rel-xdg-dir" not in result.stdout


def test_a_refused_completion_script_path(tmp_path: Path) -> None:
    target = tmp_path / ".config/fish/completions/cstoref.fish"
    target.parent.mkdir(parents=True)
    os.mkfifo(target)
    line = refused(run_cli("completion", "fish", "--install", env=home_env(tmp_path), timeout=20))
    assert "FIFO" in line and stat.S_ISFIFO(target.stat().st_mode)


@pytest.mark.parametrize(("shell", "rc"), [("bash", ".bashrc"), ("zsh", ".zshrc")])
def test_an_rc_file_with_hard_links_is_refused_and_keeps_its_links(tmp_path: Path, shell: str, rc: str) -> None:
    # A new file renamed over it would leave the other name with the old text.
    (tmp_path / "dotfiles").mkdir()
    kept = tmp_path / "dotfiles" / rc.lstrip(".")
    kept.write_bytes(b"export EDITOR=vi\n")
    os.link(kept, tmp_path / rc)
    line = refused(run_cli("completion", shell, "--install", env=home_env(tmp_path), timeout=20))
    assert "2 hard links" in line and "yourself" in line and "nothing was changed" in line
    assert (tmp_path / rc).read_bytes() == kept.read_bytes() == b"export EDITOR=vi\n"
    assert os.stat(tmp_path / rc).st_ino == os.stat(kept).st_ino
    assert not (tmp_path / ".zfunc").exists() and not (tmp_path / ".local").exists(), "no script either"


def test_a_hard_linked_file_is_never_replaced(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.write_bytes(b"old")
    os.link(first, second)
    with pytest.raises(rcfile.FileRefused, match="2 hard links"):
        rcfile.replace(str(first), b"new")
    assert first.read_bytes() == second.read_bytes() == b"old" and not leftovers(tmp_path)


# --- concurrency and a full disk -----------------------------------------------------------------


def test_ten_installs_at_once_neither_lose_nor_duplicate_a_line(tmp_path: Path) -> None:
    bashrc = b"# mine\r\nalias a=b\r\n" + b"export LONG=" + b"x" * 50_000 + b"\r\n"
    zshrc = b"setopt autocd\nbindkey -v"
    (tmp_path / ".bashrc").write_bytes(bashrc)
    (tmp_path / ".zshrc").write_bytes(zshrc)
    env = home_env(tmp_path)
    shells = ["bash", "zsh"] * 5
    with ThreadPoolExecutor(len(shells)) as pool:
        results = list(pool.map(lambda s: run_cli("completion", s, "--install", env=env), shells))
    assert all(r.returncode == 0 for r in results), [r.stderr for r in results]
    assert (tmp_path / ".bashrc").read_bytes() == bashrc + bash_line(tmp_path).encode() + b"\r\n"
    assert (tmp_path / ".zshrc").read_bytes() == (f"{ZSH_FPATH}\n".encode() + zshrc + b"\n" + ZSH_COMPINIT.encode())
    assert [s for s, r in zip(shells, results) if "added to" in r.stdout] in (["bash", "zsh"], ["zsh", "bash"])
    assert not leftovers(tmp_path)


def test_concurrent_updates_wait_for_each_other(tmp_path: Path) -> None:
    """Twenty writers, each adding its own line while the others read: none is lost."""
    import threading
    import time

    path = tmp_path / ".bashrc"
    path.write_bytes(b"# mine\r\n")
    start = threading.Barrier(20)

    def add(number: int) -> list[str]:
        def change(text: str) -> tuple[str, list[str]]:
            time.sleep(0.01)  # read, think, write: the window a second writer would fall into
            return rcfile.with_lines(text, [f"line {number}"])
        start.wait()
        return rcfile.update(str(path), change)

    with ThreadPoolExecutor(20) as pool:
        added = list(pool.map(add, range(20)))
    assert added == [[f"line {n}"] for n in range(20)]
    lines = path.read_bytes().split(b"\r\n")
    assert lines[0] == b"# mine" and lines[-1] == b""
    assert sorted(lines[1:-1]) == sorted(f"line {n}".encode() for n in range(20))


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
@pytest.mark.parametrize("which", [1, 2], ids=["script", "rc file"])
def test_a_failed_write_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str,
                                      which: int) -> None:
    """ENOSPC at each step of replacing the script (1st) or the rc file (2nd): the old file
    stays whole and no temporary file is left."""
    old = b"# a long rc file\r\n" + b"export A=1\r\n" * 5000
    rc = tmp_path / ".zshrc"
    rc.write_bytes(old)
    real = getattr(rcfile.os, failing)
    calls = []

    def full(*args, **kwargs):
        # Only the calls that replace a file: a temporary's write, fsync and rename.
        if (failing == "replace" or (failing == "write" and isinstance(args[1], memoryview))
                or (failing == "fsync" and stat.S_ISREG(os.fstat(args[0]).st_mode))):
            calls.append(args)
            if len(calls) == which:
                raise OSError(errno.ENOSPC, "No space left on device")
        return real(*args, **kwargs)

    monkeypatch.setattr(rcfile.os, failing, full)
    with pytest.raises(rcfile.FileRefused, match="No space left on device"):
        install("zsh", "# script\n", {"HOME": str(tmp_path)})
    monkeypatch.undo()
    assert rc.read_bytes() == old
    assert not leftovers(tmp_path, tmp_path / ".zfunc")
    assert not (tmp_path / ".zfunc/_cstoref").exists(), "a refused install leaves no script either"


@pytest.mark.parametrize("earlier", [None, b"# the script of an earlier version\n"])
def test_an_rc_file_that_cannot_be_written_puts_the_script_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              earlier: bytes | None) -> None:
    script = tmp_path / ".zfunc/_cstoref"
    if earlier is not None:
        script.parent.mkdir()
        script.write_bytes(earlier)
    (tmp_path / ".zshrc").write_bytes(b"setopt autocd\n")
    real = rcfile.os.replace

    def refuse_the_rc(source, target):
        if str(target).endswith(".zshrc"):
            raise OSError(errno.EROFS, "Read-only file system")
        return real(source, target)

    monkeypatch.setattr(rcfile.os, "replace", refuse_the_rc)
    with pytest.raises(rcfile.FileRefused, match="Read-only"):
        install("zsh", "# script\n", {"HOME": str(tmp_path)})
    monkeypatch.undo()
    assert (tmp_path / ".zshrc").read_bytes() == b"setopt autocd\n"
    assert (script.read_bytes() if script.exists() else None) == earlier
    assert not leftovers(tmp_path, script.parent)


def _mount_tmpfs(where: Path, size: str) -> bool:
    if os.geteuid() != 0:
        return False
    where.mkdir()
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True).returncode == 0


def fill(path: Path, size: int | None = None) -> None:
    """Write `size` bytes to `path`, or as many as the filesystem takes."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        written = 0
        while size is None or written < size:
            try:
                written += os.write(fd, b"\0" * (4096 if size is None else min(4096, size - written)))
            except OSError as exc:
                assert exc.errno == errno.ENOSPC and size is None
                return
    finally:
        os.close(fd)


def test_a_full_disk_loses_nothing(tmp_path: Path) -> None:
    """On a real, small, full filesystem (a tmpfs mounted for the test)."""
    home = tmp_path / "home"
    if not _mount_tmpfs(home, "256k"):
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    try:
        old = b"# my zsh setup\r\n" + b"alias x=y\r\n" * 3000  # about 33 KB
        (home / ".zshrc").write_bytes(old)
        (home / ".bashrc").write_bytes(old)
        filler = home / "filler"
        fill(filler)
        for shell in ("zsh", "bash"):
            line = refused(run_cli("completion", shell, "--install", env=home_env(home)))
            assert "No space left on device" in line
        assert (home / ".zshrc").read_bytes() == old and (home / ".bashrc").read_bytes() == old
        assert not leftovers(home, home / ".zfunc")
        # Room for the script but not for a second copy of the rc file: still nothing lost.
        filler.unlink()
        fill(filler, 256 * 1024 - 2 * len(old) - 40 * 1024)
        result = run_cli("completion", "zsh", "--install", env=home_env(home))
        assert (home / ".zshrc").read_bytes() in (old, f"{ZSH_FPATH}\r\n".encode() + old), result.stderr
        assert not leftovers(home, home / ".zfunc")
    finally:
        subprocess.run(["umount", "-l", str(home)], check=False)


# --- the pieces -------------------------------------------------------------------------------------


def test_with_lines_and_line_ends() -> None:
    assert rcfile.with_lines("a\r\nb", ["c"]) == ("a\r\nb\r\nc", ["c"])
    assert rcfile.with_lines("a\nb\n", ["b", "c", "c"]) == ("a\nb\nc\n", ["c"])
    assert rcfile.with_lines("\ufeffa\n", ["a"]) == ("\ufeffa\n", [])
    assert rcfile.with_lines("\ufeffa\n", ["z"], first=True) == ("\ufeffz\na\n", ["z"])
    assert rcfile.newline_of("x") == "\n" and rcfile.newline_of("x\r\n") == "\r\n"
