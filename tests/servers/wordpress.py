"""A real WordPress on loopback for tests: MariaDB with its own data folder, PHP's built-in
server over the Debian `wordpress` package, installed through its own installer.

Start-up takes a few seconds, so one site serves the whole session (`wordpress_site`);
tests keep out of each other's way by working on posts of their own. Import the fixture
into a conftest: `from tests.servers.wordpress import wordpress_site  # noqa: F401`.

Needs the Debian packages named in `install_wordpress.sh` beside this file; without them
the tests fail with that hint (they are part of CI, not optional).
"""

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

WORDPRESS_DIR = Path("/usr/share/wordpress")
INSTALL_SCRIPT = Path(__file__).with_name("install_wordpress.sh")
INSTALL_HINT = (
    "The WordPress tests need MariaDB, PHP and WordPress from Debian. Install them with:\n"
    f"    bash {INSTALL_SCRIPT.relative_to(Path(__file__).parents[2])}\n"
    "(apt-get install --no-install-recommends wordpress mariadb-server php-cli php-mysql "
    "php-xml php-mbstring php-curl)"
)
ADMIN_USER = "admin"
ADMIN_EMAIL = "admin@example.test"
SITE_TITLE = "Бренд-блог & Co"
START_TIMEOUT_S = 30.0

WP_CONFIG = """<?php
/* Written by tests/servers/wordpress.py for a throw-away test site. */
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', '127.0.0.1:{db_port}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
{keys}
$table_prefix = 'wp_';
/* Application Passwords over plain http are allowed only on a "local" site. */
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', '{url}');
define('WP_SITEURL', '{url}');
define('WP_DEBUG', false);
/* No network: no update checks, no cron, nothing fetched from wordpress.org. */
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
if (!defined('ABSPATH')) {{ define('ABSPATH', __DIR__ . '/'); }}
require_once ABSPATH . 'wp-settings.php';
"""

ROUTER = """<?php
/* php -S router: real files as they are, everything else (/wp-json/...) to index.php. */
$root = $_SERVER['DOCUMENT_ROOT'];
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
if (is_file($root . $path)) { return false; }
if (is_dir($root . $path) && is_file(rtrim($root . $path, '/') . '/index.php')) { return false; }
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
require $root . '/index.php';
"""

MU_PLUGIN = """<?php
/* Plugin Name: Moderator test site (tests/servers/wordpress.py) */
// Tests write many comments from one address within seconds: no flood check.
remove_filter('wp_is_comment_flood', 'wp_check_comment_flood', 10);
add_filter('wp_is_comment_flood', '__return_false', 99);
// Visitors may comment through the REST API, as they would through the comment form.
add_filter('rest_allow_anonymous_comments', '__return_true');
// A moderated brand blog: every visitor's comment waits for review.
add_filter('pre_comment_approved', function ($approved, $data) {
    if (empty($data['user_id']) && ($approved === 1 || $approved === '1')) {
        return 0;
    }
    return $approved;
}, 99, 2);
"""

APP_PASSWORD_PHP = """<?php
/* Creates an application password for the admin: printed as JSON {password, uuid}. */
$_SERVER['HTTP_HOST'] = '127.0.0.1';
define('WP_USE_THEMES', false);
require __DIR__ . '/site/wp-load.php';
$made = WP_Application_Passwords::create_new_application_password(1, array('name' => 'tests'));
if (is_wp_error($made)) { fwrite(STDERR, $made->get_error_message()); exit(1); }
echo json_encode(array('password' => $made[0], 'uuid' => $made[1]['uuid']));
"""


def missing_prerequisites() -> list[str]:
    """What is not installed for a real WordPress; empty when everything is."""
    missing = [
        name
        for name, found in (
            ("php (php-cli)", shutil.which("php")),
            ("mariadbd (mariadb-server)", _sbin("mariadbd")),
            ("mariadb (mariadb-client)", shutil.which("mariadb")),
            ("WordPress (wordpress)", (WORDPRESS_DIR / "wp-settings.php").is_file() or None),
        )
        if not found
    ]
    if shutil.which("php"):
        modules = subprocess.run(
            ["php", "-m"], capture_output=True, text=True, check=False
        ).stdout.lower()
        for module, package in (("mysqli", "php-mysql"), ("mbstring", "php-mbstring")):
            if module not in modules.split():
                missing.append(f"PHP {module} ({package})")
    return missing


def require_prerequisites() -> None:
    """Fail the test, with how to install what is missing: these tests are part of CI."""
    missing = missing_prerequisites()
    if missing:
        pytest.fail(f"missing: {', '.join(missing)}.\n{INSTALL_HINT}", pytrace=False)


def _sbin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for folder in ("/usr/sbin", "/usr/bin", "/sbin"):
        candidate = Path(folder) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass(frozen=True)
class AppPassword:
    password: str
    uuid: str


class WordPressSite:
    """A running test site and an admin's REST client for arranging and checking things."""

    def __init__(self, url: str, app_password: AppPassword) -> None:
        self.url = url
        self.username = ADMIN_USER
        self.app_password = app_password
        self.api_root = f"{url}/wp-json"
        self.rest = httpx.Client(
            base_url=self.api_root, auth=(ADMIN_USER, app_password.password), timeout=20
        )
        self.visitor = httpx.Client(base_url=self.api_root, timeout=20)
        self.seeded: dict[str, int] = {}

    def close(self) -> None:
        self.rest.close()
        self.visitor.close()

    def _ok(self, response: httpx.Response) -> Any:
        if response.is_error:
            raise AssertionError(
                f"{response.request.method} {response.request.url.path}: "
                f"HTTP {response.status_code} {response.text[:300]}"
            )
        return response.json()

    # --- arranging -------------------------------------------------------------------------

    def create_post(self, title: str, content: str = "", *, comments_open: bool = True) -> int:
        body = {
            "title": title,
            "content": content or f"<p>{title}</p>",
            "status": "publish",
            "comment_status": "open" if comments_open else "closed",
        }
        return int(self._ok(self.rest.post("/wp/v2/posts", json=body))["id"])

    def add_comment(
        self,
        post: int,
        text: str,
        *,
        author: str = "Гость",
        email: str = "guest@example.test",
        parent: int = 0,
        status: str = "approve",
    ) -> int:
        """A visitor's comment, written by the admin with the visitor's name and status."""
        body = {
            "post": post,
            "parent": parent,
            "content": text,
            "author_name": author,
            "author_email": email,
            "author_url": "",
            "status": status,
        }
        return int(self._ok(self.rest.post("/wp/v2/comments", json=body))["id"])

    def visitor_comment(self, post: int, text: str, *, author: str, parent: int = 0) -> int:
        """A comment as a real visitor writes it, without signing in: held for review."""
        email = f"visitor{len(author)}@example.test"
        body = {
            "post": post,
            "parent": parent,
            "content": text,
            "author_name": author,
            "author_email": email,
        }
        return int(self._ok(self.visitor.post("/wp/v2/comments", json=body))["id"])

    def set_status(self, comment_id: int, status: str) -> None:
        self._ok(self.rest.post(f"/wp/v2/comments/{comment_id}", json={"status": status}))

    def delete_for_good(self, comment_id: int) -> None:
        self._ok(self.rest.delete(f"/wp/v2/comments/{comment_id}", params={"force": "true"}))

    def new_app_password(self, name: str) -> AppPassword:
        made = self._ok(
            self.rest.post("/wp/v2/users/me/application-passwords", json={"name": name})
        )
        return AppPassword(str(made["password"]), str(made["uuid"]))

    def revoke_app_password(self, uuid: str) -> None:
        self._ok(self.rest.delete(f"/wp/v2/users/me/application-passwords/{uuid}"))

    def seed(self) -> dict[str, int]:
        """A brand blog's usual mix: Russian and English, polite and toxic, nested replies,
        HTML, spam, and a visitor's comment waiting for review. Ids by short name."""
        autumn = self.create_post("Новая осенняя коллекция", "<p>Пальто, шарфы и шапки.</p>")
        spring = self.create_post("Spring sale", "<p>Up to 50% off.</p>")
        ids = {"autumn": autumn, "spring": spring}
        ids["question"] = self.add_comment(
            autumn, "Очень красивые пальто! Будут ли размеры XS?", author="Мария"
        )
        ids["nested"] = self.add_comment(
            autumn, "Тоже жду XS 🙏", author="Светлана", parent=ids["question"]
        )
        ids["toxic"] = self.add_comment(
            autumn, "Магазин для идиотов, вы все тупые", author="Тролль", status="hold"
        )
        ids["html"] = self.add_comment(
            autumn,
            'Лучшие <a href="http://casino.example/">казино</a> <b>здесь</b> &amp; сейчас',
            author="Promo",
            status="spam",
        )
        ids["english"] = self.add_comment(
            spring, "Great prices! Shipping to Canada?", author="John"
        )
        ids["toxic_reply"] = self.add_comment(
            spring, "Only an idiot would buy this junk", author="Hater", parent=ids["english"]
        )
        ids["visitor"] = self.visitor_comment(autumn, "Когда будет доставка?", author="Анна")
        return ids

    # --- checking --------------------------------------------------------------------------

    def comment(self, comment_id: int) -> dict[str, Any]:
        response = self.rest.get(f"/wp/v2/comments/{comment_id}", params={"context": "edit"})
        return dict(self._ok(response))

    def status(self, comment_id: int) -> str:
        return str(self.comment(comment_id)["status"])

    def replies(self, parent: int) -> list[dict[str, Any]]:
        params: dict[str, str | int] = {
            "parent": parent,
            "status": "any",
            "context": "edit",
            "per_page": 100,
        }
        return list(self._ok(self.rest.get("/wp/v2/comments", params=params)))


class WordPressServer:
    """MariaDB + `php -S` in `workdir`; `start()` installs WordPress, `stop()` ends both."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.db_port = free_port()
        self.http_port = free_port()
        self.url = f"http://127.0.0.1:{self.http_port}"
        self._processes: list[subprocess.Popen[bytes]] = []
        self.site: WordPressSite | None = None

    def __enter__(self) -> "WordPressServer":
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> WordPressSite:
        self._start_database()
        self._lay_out_site()
        self._start_php()
        self._install()
        password = self._php_json(APP_PASSWORD_PHP)
        self.site = WordPressSite(self.url, AppPassword(password["password"], password["uuid"]))
        self.site.seeded = self.site.seed()
        return self.site

    def stop(self) -> None:
        if self.site is not None:
            self.site.close()
        for process in reversed(self._processes):
            _end(process)
        self._processes.clear()

    # --- database --------------------------------------------------------------------------

    def _start_database(self) -> None:
        data = self.workdir / "db"
        data.mkdir()
        as_root = ["--user=root"] if os.geteuid() == 0 else []
        # No mariadb-install-db: with --skip-grant-tables an empty folder is enough, and
        # start-up is a second shorter (WordPress needs no system tables).
        self._spawn(
            [
                str(_sbin("mariadbd")),
                "--no-defaults",
                f"--datadir={data}",
                f"--socket={self._socket_path()}",
                f"--pid-file={self.workdir / 'db.pid'}",
                f"--log-error={self.workdir / 'db.log'}",
                "--bind-address=127.0.0.1",
                f"--port={self.db_port}",
                "--skip-grant-tables",  # a throw-away database on loopback: no accounts
                "--skip-log-bin",
                "--innodb-buffer-pool-size=32M",
                "--innodb-log-file-size=8M",
                "--innodb-flush-log-at-trx-commit=0",
                *as_root,
            ],
            "db.out",
        )
        create = [
            "mariadb",
            "--no-defaults",
            "--protocol=tcp",
            "-h127.0.0.1",
            f"-P{self.db_port}",
            "-uroot",
            "-e",
            "CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4",
        ]
        self._wait(
            lambda: subprocess.run(create, capture_output=True, check=False).returncode == 0,
            "MariaDB",
            self.workdir / "db.log",
        )

    def _socket_path(self) -> Path:
        """MariaDB insists on a Unix socket too; its path must stay short (108 bytes)."""
        path = self.workdir / "db.sock"
        if len(str(path)) < 100:
            return path
        return Path(tempfile.mkdtemp(prefix="wpdb-")) / "s"

    # --- web -------------------------------------------------------------------------------

    def _lay_out_site(self) -> None:
        """A copy of the packaged WordPress made of hard links (a real copy across file
        systems), so `__DIR__` points here and our own wp-config.php is the one read."""
        site = self.workdir / "site"

        def link(src: str, dst: str) -> None:
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)

        shutil.copytree(WORDPRESS_DIR, site, symlinks=True, copy_function=link)
        config = site / "wp-config.php"
        config.unlink()  # a hard link to the package's file: never write through it
        keys = "\n".join(
            f"define('{name}', '{secrets.token_hex(16)}');"
            for name in (
                "AUTH_KEY",
                "SECURE_AUTH_KEY",
                "LOGGED_IN_KEY",
                "NONCE_KEY",
                "AUTH_SALT",
                "SECURE_AUTH_SALT",
                "LOGGED_IN_SALT",
                "NONCE_SALT",
            )
        )
        config.write_text(WP_CONFIG.format(db_port=self.db_port, url=self.url, keys=keys))
        mu_plugins = site / "wp-content" / "mu-plugins"
        mu_plugins.mkdir(parents=True, exist_ok=True)
        (mu_plugins / "moderator-tests.php").write_text(MU_PLUGIN)
        (self.workdir / "router.php").write_text(ROUTER)

    def _start_php(self) -> None:
        self._spawn(
            [
                "php",
                "-d",
                "display_errors=stderr",
                "-d",
                "memory_limit=256M",
                "-S",
                f"127.0.0.1:{self.http_port}",
                "-t",
                str(self.workdir / "site"),
                str(self.workdir / "router.php"),
            ],
            "php.log",
            env={**os.environ, "PHP_CLI_SERVER_WORKERS": "2"},
        )

        def answers() -> bool:
            try:
                httpx.get(f"{self.url}/wp-admin/install.php", timeout=5)
            except httpx.HTTPError:
                return False
            return True

        self._wait(answers, "PHP's web server", self.workdir / "php.log")

    def _install(self) -> None:
        """Through WordPress's own installer, as a person would."""
        password = secrets.token_urlsafe(16)
        response = httpx.post(
            f"{self.url}/wp-admin/install.php",
            params={"step": "2"},
            data={
                "weblog_title": SITE_TITLE,
                "user_name": ADMIN_USER,
                "admin_password": password,
                "admin_password2": password,
                "pw_weak": "1",
                "admin_email": ADMIN_EMAIL,
                "blog_public": "0",
                "language": "",
            },
            timeout=60,
        )
        if response.status_code != 200 or "<h1>Success!</h1>" not in response.text:
            raise RuntimeError(
                f"WordPress did not install (HTTP {response.status_code}): "
                f"{response.text[:500]}\n{self._tail('php.log')}"
            )

    def _php_json(self, script: str) -> dict[str, str]:
        path = self.workdir / "task.php"
        path.write_text(script)
        done = self._run(["php", str(path)], "php-cli")
        result: dict[str, str] = json.loads(done.stdout)
        return result

    # --- processes -------------------------------------------------------------------------

    def _spawn(self, command: list[str], log_name: str, env: dict[str, str] | None = None) -> None:
        log = (self.workdir / log_name).open("wb")
        process = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            env=env,
            start_new_session=True,  # its own process group: PHP's workers end with it
        )
        log.close()
        self._processes.append(process)

    def _run(self, command: list[str], what: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            command, capture_output=True, text=True, check=False, timeout=START_TIMEOUT_S
        )
        if done.returncode != 0:
            raise RuntimeError(f"{what} failed ({done.returncode}): {done.stderr[-2000:]}")
        return done

    def _wait(self, ready: Any, what: str, log: Path) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            for process in self._processes:
                if process.poll() is not None:
                    raise RuntimeError(f"{what} exited early:\n{self._tail(log.name)}")
            if ready():
                return
            time.sleep(0.05)
        raise RuntimeError(
            f"{what} did not start in {START_TIMEOUT_S:.0f} s:\n{self._tail(log.name)}"
        )

    def _tail(self, log_name: str) -> str:
        path = self.workdir / log_name
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""


def _end(process: subprocess.Popen[bytes]) -> None:
    """Stop a server we started, and the workers in its process group."""
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)
    else:
        with contextlib.suppress(ProcessLookupError):  # PHP's workers may outlive their parent
            os.killpg(process.pid, signal.SIGTERM)


@pytest.fixture(scope="session")
def wordpress_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPressSite]:
    """One real WordPress for the session. Fails (never skips) where it cannot run."""
    require_prerequisites()
    with WordPressServer(tmp_path_factory.mktemp("wordpress")) as server:
        assert server.site is not None
        yield server.site
