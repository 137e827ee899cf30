#!/usr/bin/env bash
# Sourced by .ci/run before the tests: what the hardening tests need from the machine.
# - LoadIT and ConcurrencyIT hold hundreds of sockets on both ends: open-file limits of some
#   thousands (the JVMs raise their soft limit to the hard one themselves).
# - StorageFaultsIT mounts a small tmpfs (mount), makes files immutable (chattr) and lowers the
#   server's file-size limit (prlimit); it runs as root, as CI does, and skips what it cannot do.

hardening_want_files=65536
if [ "$(ulimit -Hn)" != unlimited ] && [ "$(ulimit -Hn)" -lt "$hardening_want_files" ]; then
    ulimit -Hn "$hardening_want_files" 2>/dev/null || echo "hardening: cannot raise the hard open-files limit above $(ulimit -Hn)"
fi
ulimit -Sn "$(ulimit -Hn)" 2>/dev/null || true
echo "hardening: open files limit $(ulimit -Sn)"

hardening_missing=()
command -v chattr >/dev/null || hardening_missing+=(e2fsprogs)
command -v prlimit >/dev/null || hardening_missing+=(util-linux)
command -v mount >/dev/null || hardening_missing+=(mount)
if [ ${#hardening_missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${hardening_missing[@]}" \
        || echo "hardening: could not install ${hardening_missing[*]}; the tests that need them will be skipped"
fi
unset hardening_want_files hardening_missing
