#!/bin/sh
# The way in, as a new user meets it, on fresh minimal Debian 12 roots (debootstrap --variant=minbase
# from the mirror apt already uses; run as root):
#   build    a fresh root, a clean copy of the checkout (tracked files) and ../shared, then the README's
#            build-and-test command exactly as written; then the .deb (cpack) and its checks:
#            lintian (no errors), appstreamcli validate --no-net, desktop-file-validate
#   install  a second fresh root without any build dependency: apt-get install ./bertlens_*.deb, then
#            tools/check_installed.sh inside it, the screenshots checked from here, apt-get remove and
#            nothing left behind
#   all      both (the default; what .ci/run runs)
# Only the base root is cached ($BERTLENS_ROOT_CACHE, a tarball made once by debootstrap); every
# package installed on top of it is installed anew each run. BERTLENS_DROP_PACKAGE=NAME removes one
# package from tools/install-deps.sh in the copy, to see the check fail without it.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
work=${BERTLENS_FRESH_WORK:-/var/tmp/bertlens-fresh}
cache=${BERTLENS_ROOT_CACHE:-/var/cache/bertlens-ci}
what=${1:-all}
mkdir -p "$work" "$cache"

mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)
[ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $3 == "bookworm" {print $2; exit}' /etc/apt/sources.list 2>/dev/null)
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian
base=$cache/bookworm-minbase.tar.gz
if [ ! -s "$base" ]; then
  echo "== debootstrap --variant=minbase bookworm from $mirror"
  rm -rf "$work/base" && debootstrap --variant=minbase bookworm "$work/base" "$mirror" > "$work/debootstrap.log"
  tar -C "$work/base" -czf "$base.part" . && mv "$base.part" "$base" && rm -rf "$work/base"
fi

mounted=""
cleanup() {
  for root in $mounted; do
    for m in dev/pts dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done
  done
}
trap cleanup EXIT INT TERM

# A root unpacked from the base tarball, with the host's apt sources, name resolution and the
# kernel file systems mounted.
new_root() {
  root=$work/$1
  # A run killed before its cleanup leaves the host's /dev mounted in the old root: unmount it, and
  # never delete across a mount.
  for m in dev/pts dev proc sys; do umount -l "$root/$m" 2>/dev/null || true; done
  if grep -q " $root/" /proc/mounts; then echo "fresh_root: still mounted under $root" >&2; exit 1; fi
  rm -rf --one-file-system "$root" && mkdir -p "$root" && tar -C "$root" -xzf "$base"
  cp /etc/resolv.conf /etc/hosts "$root/etc/" 2>/dev/null || true
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/" && rm -f "$root/etc/apt/sources.list"
  fi
  mount -t proc proc "$root/proc"; mount -t sysfs sys "$root/sys"
  mount --bind /dev "$root/dev"; mount -t devpts devpts "$root/dev/pts" 2>/dev/null || true
  mounted="$mounted $root"
}
in_root() { chroot "$1" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 TERM=dumb /bin/sh -c "$2"; }

# The README's build-and-test command, as written there.
readme_command=$(grep -m1 '^tools/install-deps.sh && .*ctest --test-dir build' "$top/README.md")

if [ "$what" = build ] || [ "$what" = all ]; then
  new_root build
  mkdir -p "$root/src/bertlens"
  (cd "$top" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$root/src/bertlens"
  [ -d "$top/../shared" ] && cp -r "$top/../shared" "$root/src/shared"
  if [ -n "${BERTLENS_DROP_PACKAGE:-}" ]; then
    sed -i "s/ $BERTLENS_DROP_PACKAGE / /" "$root/src/bertlens/tools/install-deps.sh"
    echo "== without $BERTLENS_DROP_PACKAGE"
  fi
  echo "== in a fresh root: $readme_command"
  start=$(date +%s)
  in_root "$root" "cd /src/bertlens && $readme_command"
  echo "== the README's command passed in $(( $(date +%s) - start )) s; the root holds $(du -sm "$root" | cut -f1) MB"
  in_root "$root" 'cd /src/bertlens/build && cpack -G DEB > /dev/null && ls bertlens_*_amd64.deb'
  cp "$root"/src/bertlens/build/bertlens_*_amd64.deb "$work/"
  in_root "$root" 'apt-get install -y -qq --no-install-recommends lintian appstream desktop-file-utils > /dev/null
    cd /src/bertlens/build && lintian --fail-on error bertlens_*_amd64.deb \
    && appstreamcli validate --no-net io.github.bertlens.BertLens.metainfo.xml \
    && desktop-file-validate ../resources/desktop/io.github.bertlens.BertLens.desktop && echo "== lintian, appstream and desktop entry: clean"'
  cleanup; mounted=""
fi

if [ "$what" = install ] || [ "$what" = all ]; then
  new_root install
  deb=$(ls "$work"/bertlens_*_amd64.deb | tail -n1)
  cp "$deb" "$root/tmp/" && cp "$top/tools/check_installed.sh" "$root/tmp/"
  in_root "$root" "apt-get update -qq && apt-get install -y -qq /tmp/$(basename "$deb") > /tmp/apt.log && sh /tmp/check_installed.sh"
  for lang in en zh_CN; do
    python3 "$top/tools/png_check.py" "$root"/tmp/shots-$lang/*.png
  done
  in_root "$root" 'apt-get remove -y -qq bertlens > /dev/null
    left=$(find / -xdev \( -path /proc -o -path /tmp -o -path /root \) -prune -o -iname "*bertlens*" -print) # /root holds settings, user data
    if [ -n "$left" ]; then echo "left behind after apt-get remove:"; echo "$left"; exit 1; fi
    echo "== removed; nothing left behind"'
  cleanup; mounted=""
fi
