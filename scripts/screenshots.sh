#!/usr/bin/env bash
# Screenshots of cstoref in real terminals under a virtual X server: xterm (no bidi of its
# own), xfce4-terminal (VTE: BDSM switch), mlterm (its own bidi, switched off with OSC 5379)
# and Konsole (its own bidi, no switch: given pinned visual text). For each terminal it saves
# `members --lang ar` and `deployment 2022` as PNG files in the output directory.
#
#   scripts/screenshots.sh [OUTDIR]        # default: screenshots/
#   SCREENSHOT_TERMINALS="xterm konsole" scripts/screenshots.sh   # only these
#
# Needs (Debian): xvfb xterm xfce4-terminal mlterm konsole x11-apps imagemagick
# fonts-dejavu-core dbus-x11, and cstoref installed in .venv (see the README). Not part of
# the test suite: it is for looking at.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-screenshots}
mkdir -p "$out"
cstoref=$(pwd)/.venv/bin/cstoref
[ -x "$cstoref" ] || { echo "cstoref is not installed in .venv" >&2; exit 1; }
for tool in Xvfb xwd convert; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (see the header of $0)" >&2; exit 1; }
done

display=:${SCREENSHOT_DISPLAY:-77}
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
export DISPLAY=$display
sleep 1

font="DejaVu Sans Mono"
only=" ${SCREENSHOT_TERMINALS:-xterm vte mlterm konsole} "
want() { [[ $only == *" $1 "* ]] && command -v "$2" >/dev/null; }
runner=$(mktemp -d)
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$runner"' EXIT

# shot NAME COMMAND...: start a terminal that runs `cstoref ARGS` and then waits, photograph
# the whole screen, close the terminal.
shot() {
  local name=$1 args=$2
  shift 2
  local script="$runner/$name.sh"
  printf '#!/bin/sh\nclear\n%s %s\nsleep 600\n' "$cstoref" "$args" >"$script"
  chmod +x "$script"
  "$@" "$script" >/dev/null 2>&1 &
  local pid=$!
  sleep "${SCREENSHOT_WAIT:-6}"
  xwd -root -silent | convert xwd:- -trim +repage "$out/$name.png"
  kill "$pid" 2>/dev/null || true
  pkill -P "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "wrote $out/$name.png"
}

for spec in "members --lang ar:members-ar" "deployment 2022:deployment-2022"; do
  args=${spec%%:*}
  tag=${spec##*:}
  if want xterm xterm; then
    shot "xterm-$tag" "$args" xterm -geometry 150x45+0+0 -fa "$font" -fs 11 -bg white -fg black -e
  fi
  if want vte xfce4-terminal; then
    shot "vte-$tag" "$args" dbus-launch xfce4-terminal --disable-server --geometry 150x45+0+0 \
      --font "$font 11" -x
  fi
  if want mlterm mlterm; then
    shot "mlterm-$tag" "$args" mlterm --geometry 150x45+0+0 --fontsize 15 --bg white --fg black -e
  fi
  if want konsole konsole; then
    shot "konsole-$tag" "$args" dbus-launch konsole --separate --nofork -p "TerminalColumns=150" \
      -p "TerminalRows=45" -e
  fi
done
