#!/usr/bin/env bash
# Installs real OpenStack Neutron + Keystone (Debian's Zed packages) for the
# `openstack` test project (npm run test:openstack). Idempotent: does nothing
# when the packages are already installed. Needs root (or sudo) and apt.
set -euo pipefail

packages=(python3-neutron python3-keystone python3-keystonemiddleware)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-openstack: already installed: ${packages[*]}"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-openstack: apt-get not found; install ${missing[*]} (Debian 12 / Zed) another way" >&2
  exit 1
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo -n)
  else
    echo "install-openstack: need root or sudo to install ${missing[*]}" >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-openstack: installing ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
echo "install-openstack: done"
