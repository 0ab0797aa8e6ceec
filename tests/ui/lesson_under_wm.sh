#!/bin/sh
# The real window under a real X server and window manager (Xvfb + openbox), driven by real keys as
# a teacher drives it: type a line with [MASK] and the predictions appear; F5 and Esc give the
# window back its size; the sentences typed survive a SIGTERM. Exit 77 (skipped) without Xvfb,
# openbox, xdotool and xwd; tools/install-deps.sh installs them.
# Usage: lesson_under_wm.sh BERTLENS MODEL_DIR
set -eu
BERTLENS=$1 MODEL=$2
HERE=$(cd "$(dirname "$0")" && pwd)
for tool in Xvfb openbox xdotool xwd python3; do
  command -v "$tool" > /dev/null || { echo "SKIP: $tool is not installed"; exit 77; }
done
WORK=$(mktemp -d)
[ -z "${KEEP:-}" ] || echo "work folder: $WORK"
PIDS=""
cleanup() { for p in $PIDS; do kill "$p" 2> /dev/null || true; done; [ -n "${KEEP:-}" ] || rm -rf "$WORK"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# A display of our own (-displayfd picks a free number).
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3> "$WORK/display" 2> "$WORK/xvfb.log" &
PIDS="$PIDS $!"
for _ in $(seq 50); do [ -s "$WORK/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$WORK/display")"
openbox > "$WORK/openbox.log" 2>&1 &
PIDS="$PIDS $!"
sleep 1
export HOME="$WORK/home" XDG_CONFIG_HOME="$WORK/home/.config" QT_QPA_PLATFORM=xcb
mkdir -p "$HOME"

start() {
  "$BERTLENS" --model "$MODEL" "$@" > "$WORK/bertlens.log" 2>&1 &
  APP=$!
  PIDS="$PIDS $APP"
  WINDOW=$(xdotool search --sync --onlyvisible --pid "$APP" --name BertLens | head -n1)
  sleep 4 # the model loads and the first analysis is shown
}
geometry() { xdotool getwindowgeometry "$WINDOW" | sed -n 's/.*Geometry: //p'; }
shoot() { xwd -root -silent > "$WORK/$1.xwd"; python3 "$HERE/xwd_pixels.py" "$WORK/$1.xwd" prediction; }

start --text "The river bank was quiet in the morning."
before=$(shoot before)
[ "$before" -lt 300 ] || fail "prediction cells before any [MASK] was typed ($before pixels)"
# The sentences box has the focus at start: a new line with a mask, typed key by key.
xdotool key --window "$WINDOW" ctrl+End Return
xdotool type --window "$WINDOW" --delay 30 "She went to the [MASK] to get some money."
sleep 4
after=$(shoot after)
[ "$after" -ge 300 ] || fail "no predictions after typing a [MASK] in a second line ($after pixels; $before before)"
echo "predictions: $before pixels before the [MASK], $after after"

normal=$(geometry)
xdotool key --window "$WINDOW" F5
sleep 2
full=$(geometry)
[ "$full" = "1600x1000" ] || fail "presenter mode is $full, not the screen's 1600x1000"
xdotool key --window "$WINDOW" Escape
sleep 2
back=$(geometry)
[ "$back" = "$normal" ] || fail "after F5 and Esc the window is $back, before it was $normal"
echo "presenter mode: $normal -> $full -> $back"

# Ended as a logout ends it: the typed line comes back on the next start.
sleep 2
kill -TERM "$APP"
wait "$APP" 2> /dev/null || true
grep -q 'She went to the \[MASK\] to get some money.' "$XDG_CONFIG_HOME/BertLens/BertLens.conf" \
  || fail "the typed sentences were not kept: $(cat "$XDG_CONFIG_HOME/BertLens/BertLens.conf" 2>&1)"
echo "working state kept after SIGTERM"
