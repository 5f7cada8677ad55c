#!/usr/bin/env bash
# The system packages for the real-WordPress tests (tests/servers/wordpress.py): MariaDB,
# PHP and WordPress from Debian. Does nothing when they are already there. Needs root.
set -euo pipefail

packages=(wordpress mariadb-server mariadb-client php-cli php-mysql php-xml php-mbstring php-curl)

have_all() {
  command -v php >/dev/null &&
    { command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ]; } &&
    command -v mariadb >/dev/null &&
    [ -f /usr/share/wordpress/wp-settings.php ] || return 1
  # Read the module list whole: `php -m | grep -q` races with pipefail (SIGPIPE).
  local modules
  modules="$(php -m)"
  grep -qx mysqli <<<"$modules" && grep -qx mbstring <<<"$modules"
}

if have_all; then
  exit 0
fi
echo "installing MariaDB, PHP and WordPress for the WordPress tests"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
# Debian may start the packaged MariaDB service; the tests run their own on a free port.
have_all
