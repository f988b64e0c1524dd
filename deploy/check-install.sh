#!/usr/bin/env bash
# Checks the herdgate Debian package for real, as root on a Debian or Ubuntu machine:
#   1. lintian finds no error or warning;
#   2. in a Debian bookworm chroot (debootstrap) the package installs with apt, creates its user,
#      groups, directories and permissions; `systemd-analyze verify` accepts the installed unit;
#      `herdgate --version` and `herdgate config check` run from the installed files as user herdgate;
#   3. an upgrade keeps edited configuration and data; remove keeps them; purge deletes them.
#
# Usage:  sudo deploy/check-install.sh [PACKAGE.deb]
#         (default: the one `mvn -B -pl deploy -am package -DskipTests` wrote to deploy/target)
# The prepared chroot (bookworm + Java + systemd, about 450 MB) is cached in $HERDGATE_CHECK_DIR
# (default /var/tmp/herdgate-check); the first run downloads it (a few minutes), later runs take
# two to six minutes (lintian on the 30 MB jar is the slow part). Every run works on a fresh copy.
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE=bookworm
MIRROR=${HERDGATE_MIRROR:-http://deb.debian.org/debian}
CACHE=${HERDGATE_CHECK_DIR:-/var/tmp/herdgate-check}
BASE="$CACHE/$SUITE-base"
ROOT="$CACHE/$SUITE-run"

fail=0
ok() { echo "ok:   $*"; }
bad() { echo "FAIL: $*"; fail=1; }
check() { # check DESCRIPTION COMMAND...: runs the command, reports ok/FAIL, continues either way
    local what=$1; shift
    local out
    if out=$("$@" 2>&1); then ok "$what"; else bad "$what"; printf '      %s\n' "${out//$'\n'/$'\n'      }"; fi
}
in_root() { chroot "$ROOT" "$@"; }

[ "$(id -u)" -eq 0 ] || { echo "check-install.sh: run as root (debootstrap and chroot need it)" >&2; exit 2; }

DEB=${1:-$(ls -t deploy/target/herdgate_*_all.deb 2>/dev/null | head -1 || true)}
[ -n "$DEB" ] && [ -f "$DEB" ] || {
    echo "check-install.sh: no package; build it: mvn -B -pl deploy -am package -DskipTests" >&2; exit 2; }

need=()
command -v lintian >/dev/null || need+=(lintian)
command -v debootstrap >/dev/null || need+=(debootstrap)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "== lintian $DEB"
if lintian --fail-on error,warning "$DEB"; then ok "lintian: no errors or warnings"; else bad "lintian"; fi

mounted=()
cleanup() {
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -R -l "${mounted[i]}" 2>/dev/null || true; done
    # Only remove the copy once nothing is mounted in it any more.
    if ! grep -q " $ROOT/" /proc/mounts; then rm -rf "$ROOT"; fi
}
trap cleanup EXIT
mount_into() { # mount_into ROOTDIR: /proc, /sys and /dev (with /dev/pts) for programs run in the chroot
    for fs in proc sys dev; do
        mount --rbind "/$fs" "$1/$fs"
        mount --make-rslave "$1/$fs"
        mounted+=("$1/$fs")
    done
}

if [ ! -f "$BASE/.herdgate-ready" ]; then
    echo "== preparing $BASE (debootstrap $SUITE from $MIRROR, then Java 17 and systemd)"
    rm -rf "$BASE"
    mkdir -p "$CACHE"
    debootstrap --variant=minbase "$SUITE" "$BASE" "$MIRROR"
    cp /etc/resolv.conf "$BASE/etc/resolv.conf"
    mount_into "$BASE"
    chroot "$BASE" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive chroot "$BASE" apt-get install -y -qq --no-install-recommends \
        openjdk-17-jre-headless systemd adduser >/dev/null
    chroot "$BASE" apt-get clean
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -R -l "${mounted[i]}"; done
    mounted=()
    touch "$BASE/.herdgate-ready"
fi

echo "== install into a copy of $BASE"
if grep -q " $ROOT/" /proc/mounts; then
    echo "check-install.sh: $ROOT still has mounts from an earlier run; unmount them first" >&2; exit 2
fi
rm -rf "$ROOT"
cp -a "$BASE" "$ROOT"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
mount_into "$ROOT"
cp "$DEB" "$ROOT/tmp/herdgate.deb"
check "apt-get install ./herdgate.deb" \
    env DEBIAN_FRONTEND=noninteractive chroot "$ROOT" apt-get install -y -q --no-install-recommends /tmp/herdgate.deb

echo "== installed files"
check "user herdgate is a system user in dialout and gpio" \
    sh -c "chroot '$ROOT' id -nG herdgate | tr ' ' '\n' | grep -qx dialout && chroot '$ROOT' id -nG herdgate | tr ' ' '\n' | grep -qx gpio && [ \$(chroot '$ROOT' id -u herdgate) -lt 1000 ]"
for dir in /var/lib/herdgate /var/log/herdgate; do
    check "$dir is herdgate:herdgate 750" \
        sh -c "[ \"\$(chroot '$ROOT' stat -c '%U:%G %a' $dir)\" = 'herdgate:herdgate 750' ]"
done
for file in herdgate.yaml rules.yaml contacts.yaml; do
    check "/etc/herdgate/$file is root:herdgate 640 and a conffile" \
        sh -c "[ \"\$(chroot '$ROOT' stat -c '%U:%G %a' /etc/herdgate/$file)\" = 'root:herdgate 640' ] && chroot '$ROOT' dpkg-query -W -f='\${Conffiles}' herdgate | grep -q /etc/herdgate/$file"
done
check "herdgate.service is enabled" in_root systemctl is-enabled --quiet herdgate.service
check "systemd-analyze verify herdgate.service" \
    sh -c "out=\$(chroot '$ROOT' systemd-analyze verify /lib/systemd/system/herdgate.service 2>&1); echo \"\$out\"; [ -z \"\$out\" ]"
check "herdgate --version (as user herdgate)" in_root runuser -u herdgate -- herdgate --version
check "herdgate rules check /etc/herdgate/rules.yaml" \
    in_root runuser -u herdgate -- herdgate rules check /etc/herdgate/rules.yaml
check "herdgate config check /etc/herdgate/herdgate.yaml" \
    in_root runuser -u herdgate -- herdgate config check /etc/herdgate/herdgate.yaml

echo "== upgrade keeps edited configuration and data"
echo "# edited by the farmer" >> "$ROOT/etc/herdgate/contacts.yaml"
in_root runuser -u herdgate -- sh -c 'echo keep > /var/lib/herdgate/marker'
work=$(mktemp -d)
dpkg-deb -R "$DEB" "$work/pkg"
version=$(sed -n 's/^Version: //p' "$work/pkg/DEBIAN/control")
sed -i "s/^Version: .*/Version: $version+check1/" "$work/pkg/DEBIAN/control"
dpkg-deb --root-owner-group -b "$work/pkg" "$ROOT/tmp/herdgate-next.deb" >/dev/null
rm -rf "$work"
check "upgrade to $version+check1" \
    env DEBIAN_FRONTEND=noninteractive chroot "$ROOT" dpkg -i --force-confold /tmp/herdgate-next.deb
check "edited contacts.yaml kept" grep -q "edited by the farmer" "$ROOT/etc/herdgate/contacts.yaml"
check "data kept" grep -qx keep "$ROOT/var/lib/herdgate/marker"
check "edited contacts.yaml still root:herdgate 640" \
    sh -c "[ \"\$(chroot '$ROOT' stat -c '%U:%G %a' /etc/herdgate/contacts.yaml)\" = 'root:herdgate 640' ]"

echo "== remove keeps configuration and data, purge deletes them"
check "dpkg --remove herdgate" in_root dpkg --remove herdgate
check "after remove: data and configuration are still there" \
    test -f "$ROOT/var/lib/herdgate/marker" -a -f "$ROOT/etc/herdgate/contacts.yaml"
check "after remove: the jar and the unit are gone" \
    sh -c "[ ! -e '$ROOT/usr/share/herdgate/herdgate.jar' ] && [ ! -e '$ROOT/lib/systemd/system/herdgate.service' ]"
check "dpkg --purge herdgate" in_root dpkg --purge herdgate
check "after purge: /var/lib/herdgate, /var/log/herdgate and /etc/herdgate are gone" \
    sh -c "[ ! -e '$ROOT/var/lib/herdgate' ] && [ ! -e '$ROOT/var/log/herdgate' ] && [ ! -e '$ROOT/etc/herdgate' ]"

if [ $fail -ne 0 ]; then
    echo "check-install.sh: some checks FAILED"
    exit 1
fi
echo "check-install.sh: all checks passed"
