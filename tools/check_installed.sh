#!/bin/sh
# Runs inside a fresh Debian 12 root where only bertlens_*.deb was installed with apt (tools/fresh_root.sh
# install): the installed files alone must work — the CLI with the bundled model, the man pages, the
# window's screenshots in English and Chinese, and the BLAS that LibTorch will call.
set -eu
fail() { echo "check_installed: $*" >&2; exit 1; }

info=$(bertlens-cli info)
echo "$info" | grep -q '"hidden_size": 256' || fail "bertlens-cli info: $info"
echo "$info" | grep -q '/usr/share/bertlens/models/bertlens-mini/model.safetensors' || fail "not the installed model: $info"

printf 'The children walked to school in the morning.\n我们明天去公园。\n' | bertlens-cli embed --input - --layers -1 --pooling mean --output /tmp/vectors.csv
rows=$(wc -l < /tmp/vectors.csv)
columns=$(head -n1 /tmp/vectors.csv | tr ',' '\n' | wc -l)
[ "$rows" -eq 3 ] && [ "$columns" -eq 258 ] || fail "embed wrote $rows lines of $columns columns, not 3 of 2 + 256"
tail -n +2 /tmp/vectors.csv | cut -d, -f3- | tr ',' '\n' | grep -qv '^-\?[0-9.e+-]*$' && fail "embed wrote something that is not a number"

masked=$(bertlens-cli fill-mask --top-k 5 "The children walked to [MASK] in the morning.")
echo "$masked" | grep -q '"token": "school"' || fail "fill-mask: school is not among the top 5: $masked"

update-alternatives --query libblas.so.3-x86_64-linux-gnu | grep -q '^Value: .*openblas-pthread' \
  || fail "LibTorch would call $(update-alternatives --query libblas.so.3-x86_64-linux-gnu | grep '^Value'), not the multithreaded OpenBLAS"

apt-get install -y -qq --no-install-recommends man-db > /dev/null
man -w bertlens-cli > /dev/null && man -w bertlens > /dev/null || fail "no man page"
[ -f /usr/share/bash-completion/completions/bertlens-cli ] || fail "no bash completion"

for lang in en zh_CN; do
  QT_QPA_PLATFORM=offscreen bertlens --language "$lang" --screenshot "/tmp/shots-$lang" > "/tmp/shots-$lang.txt" 2> "/tmp/shots-$lang.err" \
    || fail "bertlens --screenshot ($lang): $(cat "/tmp/shots-$lang.err")"
  [ "$(wc -l < "/tmp/shots-$lang.txt")" -ge 5 ] || fail "bertlens --screenshot ($lang) wrote: $(cat "/tmp/shots-$lang.txt")"
done
# Without a display (a terminal over ssh): help and version still answer.
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM bertlens --help | grep -q -- '--session <FILE>' || fail "bertlens --help without a display"
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM bertlens --version | grep -q '^BertLens [0-9]' || fail "bertlens --version without a display"
# A saved session opens from a file manager: the type is registered and the window takes the file.
grep -q 'application/x-bertlens-session' /usr/share/applications/io.github.bertlens.BertLens.desktop \
  && grep -q '\*\.bertlens' /usr/share/mime/packages/io.github.bertlens.BertLens.xml || fail "the .bertlens type is not registered"
printf '{"format": "bertlens-session", "version": 1, "sentences": "Hello there.", "layer": 2}' > /tmp/lesson.bertlens
QT_QPA_PLATFORM=offscreen bertlens /tmp/lesson.bertlens --screenshot /tmp/shots-session > /dev/null || fail "bertlens FILE.bertlens --screenshot"
echo "== installed: info, embed, fill-mask, OpenBLAS, man pages, completion, screenshots, sessions and --help without a display work"
