#!/usr/bin/env bash
# Shows the README's first command on a bare machine: a minimal Debian 12 (debootstrap minbase,
# no java, no mvn, no Python packages) in a chroot, a clone of this repository in it, and
# `bin/flowlake demo` run there as a new user would. The launcher installs the JDK and Maven from
# Debian's packages itself (bin/tools.sh, the same install path bin/test uses), Maven downloads
# Spark, and the demo runs. Needs root, debootstrap and network access to Debian and Maven Central.
#   tools/bare-machine-demo.sh [CHROOT_DIR=/tmp/flowlake-bare]
# Behind a TLS-inspecting proxy, the host's extra CA certificates (/usr/local/share/ca-certificates)
# are copied into the chroot: without them neither apt nor Maven can reach anything, on any machine
# behind that proxy; that is the network's requirement, not flowlake's.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BARE="${1:-/tmp/flowlake-bare}"

command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }
if [[ ! -x "$BARE/bin/bash" ]]; then
  debootstrap --variant=minbase bookworm "$BARE" http://deb.debian.org/debian >/dev/null
fi
mountpoint -q "$BARE/proc" || mount -t proc proc "$BARE/proc"
mountpoint -q "$BARE/dev" || mount --rbind /dev "$BARE/dev"
cp /etc/resolv.conf "$BARE/etc/resolv.conf"
if compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
  cp /usr/local/share/ca-certificates/*.crt "$BARE/usr/local/share/ca-certificates/"
  chroot "$BARE" update-ca-certificates >/dev/null
fi
rm -rf "$BARE/root/flowlake" "$BARE/root/.m2"
git clone -q "$ROOT" "$BARE/root/flowlake"

chroot "$BARE" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  /bin/bash -c '
    cd /root/flowlake
    echo "on the bare machine: java: $(command -v java || echo absent), mvn: $(command -v mvn || echo absent)"
    time bin/flowlake demo
    echo "demo exit code: $?"'
