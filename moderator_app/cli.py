"""Command line: the window, the demo, and headless commands over the same engine and store."""

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from moderator_app import __version__
from moderator_app.domain import Platform
from moderator_app.paths import default_data_dir, demo_data_dir

if TYPE_CHECKING:
    from moderator_app.connectors.base import SetupField, SignInResult
    from moderator_app.domain import ActionKind, EngineEvent
    from moderator_app.store import Store
    from moderator_app.sync.engine import Engine

log = logging.getLogger("moderator_app")

LEVELS = ("ok", "review", "toxic")
PLATFORM_CHOICES = (
    Platform.SANDBOX,
    Platform.VK,
    Platform.TELEGRAM,
    Platform.YOUTUBE,
    Platform.WORDPRESS,
)


class CliError(Exception):
    """A problem to tell the user in one sentence, exit code 1 (or `code`)."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", type=Path, default=None, help="where Moderator keeps its database"
    )
    common.add_argument("-v", "--verbose", action="store_true", help="log more detail")

    parser = argparse.ArgumentParser(
        prog="moderator-app",
        parents=[common],
        description="Moderator: one calm inbox for community moderators.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--demo", action="store_true", help="open on the built-in sandbox")
    parser.add_argument(
        "--screenshot", type=Path, help="save a PNG of the window once comments show, then exit"
    )
    parser.add_argument("--lang", choices=("en", "ru"), help="interface language")
    parser.set_defaults(func=cmd_gui)
    sub = parser.add_subparsers(dest="command")
    _add_sandbox_commands(sub, common)
    _add_account_commands(sub, common)
    _add_comment_commands(sub, common)
    return parser


def _add_sandbox_commands(
    sub: "argparse._SubParsersAction[argparse.ArgumentParser]", common: argparse.ArgumentParser
) -> None:
    sandbox = sub.add_parser("sandbox", help="the local sandbox platform").add_subparsers(
        dest="sandbox_command", required=True
    )
    serve = sandbox.add_parser("serve", parents=[common], help="serve the sandbox over HTTP")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--seed", type=int, default=7)
    serve.add_argument("--interval", type=float, default=2.0, help="seconds between comments")
    serve.set_defaults(func=cmd_sandbox_serve)


def _add_account_commands(
    sub: "argparse._SubParsersAction[argparse.ArgumentParser]", common: argparse.ArgumentParser
) -> None:
    accounts = sub.add_parser("accounts", help="connected accounts").add_subparsers(
        dest="accounts_command", required=True
    )
    add = accounts.add_parser(
        "add",
        parents=[common],
        help="connect an account",
        description="Sign in to a platform and connect the account. Secret fields (tokens, "
        "passwords) are read from MODERATOR_<FIELD> or asked for at a hidden prompt.",
    )
    add.add_argument("platform", choices=[p.value for p in PLATFORM_CHOICES])
    add.add_argument("--url", help="the platform's or site's URL, where it has one")
    add.add_argument("--name", help="a name for the account (default: from the platform)")
    add.add_argument(
        "--set", action="append", metavar="NAME=VALUE", help="a sign-in field (repeatable)"
    )
    add.add_argument(
        "--watch", action="append", metavar="ID", help="only watch these targets (repeatable)"
    )
    add.add_argument(
        "--interval", type=float, help="seconds between polls (default: what the platform allows)"
    )
    add.set_defaults(func=cmd_accounts_add)
    lst = accounts.add_parser("list", parents=[common], help="list accounts")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(func=cmd_accounts_list)
    rm = accounts.add_parser("remove", parents=[common], help="remove an account and its data")
    rm.add_argument("account", help="name or id")
    rm.set_defaults(func=cmd_accounts_remove)
    sync = sub.add_parser("sync", parents=[common], help="poll accounts and send actions")
    sync.add_argument("--once", action="store_true", required=True, help="one pass, then exit")
    sync.set_defaults(func=cmd_sync_once)


def _add_comment_commands(
    sub: "argparse._SubParsersAction[argparse.ArgumentParser]", common: argparse.ArgumentParser
) -> None:
    comments = sub.add_parser("comments", parents=[common], help="list stored comments")
    comments.add_argument("--json", action="store_true")
    comments.add_argument("--search", default="")
    comments.add_argument("--min-level", choices=("review", "toxic"))
    comments.add_argument("--account", help="name or id")
    comments.add_argument("--limit", type=int, default=50)
    comments.set_defaults(func=cmd_comments)
    for kind in ("reply", "hide", "unhide", "delete", "report"):
        p = sub.add_parser(kind, parents=[common], help=f"{kind} a comment")
        p.add_argument("comment_id", type=int)
        if kind == "reply":
            p.add_argument("text")
        if kind == "report":
            p.add_argument("--reason", dest="text", default="", help="why, for the platform")
        p.add_argument("--no-send", action="store_true", help="only queue it; a later sync sends")
        p.set_defaults(func=cmd_action, kind=kind)
    esc = sub.add_parser("escalate", parents=[common], help="escalate a comment with a note")
    esc.add_argument("comment_id", type=int)
    esc.add_argument("--note", required=True)
    esc.add_argument("--no-send", action="store_true", help="accepted for symmetry")
    esc.set_defaults(func=cmd_escalate)
    score = sub.add_parser("score", parents=[common], help="score stdin lines, print JSON lines")
    score.set_defaults(func=cmd_score)


# --- helpers -------------------------------------------------------------------------------


def _data_dir(args: argparse.Namespace) -> Path:
    return Path(args.data_dir) if args.data_dir else default_data_dir()


def _open_store(args: argparse.Namespace) -> "Store":
    from moderator_app.store import Store

    return Store.open(_data_dir(args))


def _engine(args: argparse.Namespace) -> "Engine":
    from moderator_app.secrets import SecretStore
    from moderator_app.store.store import DB_FILENAME
    from moderator_app.sync.engine import Engine
    from moderator_app.toxicity.default import default_scorer

    return Engine(_data_dir(args) / DB_FILENAME, secrets=SecretStore(), scorer=default_scorer())


def _send_pending(args: argparse.Namespace) -> int:
    report = asyncio.run(_engine(args).run_once())
    if report.failed_actions:
        raise CliError(f"{report.failed_actions} action(s) failed; see `moderator-app comments`")
    if report.pending_actions:
        raise CliError(
            f"{report.pending_actions} action(s) could not be sent yet and stay queued; "
            "`moderator-app sync --once` will try again"
        )
    return 0


# --- commands ------------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    from moderator_app.secrets import SecretStore
    from moderator_app.store.store import DB_FILENAME
    from moderator_app.sync.engine_process import EngineProcess
    from moderator_app.toxicity.default import default_scorer
    from moderator_app.ui.app import run_app

    demo = None
    if args.demo:
        from moderator_app.demo import start_demo

        demo = start_demo(Path(args.data_dir) if args.data_dir else demo_data_dir())
        db_path, secrets = demo.db_path, demo.secrets
    else:
        if args.screenshot:
            raise CliError("--screenshot needs --demo (or accounts that already have comments)")
        db_path, secrets = _data_dir(args) / DB_FILENAME, SecretStore()
        from moderator_app.store import Store

        Store.open(db_path).close()  # migrate before the engine and window open it

    def engine(on_event: "Callable[[EngineEvent], None]") -> EngineProcess:
        # Its own process: the window never shares an interpreter with a raid's parsing.
        return EngineProcess(db_path, secrets=secrets, scorer=default_scorer, on_event=on_event)

    try:
        return run_app(db_path, engine=engine, screenshot=args.screenshot, lang=args.lang)
    finally:
        if demo is not None:
            demo.stop()


def cmd_sandbox_serve(args: argparse.Namespace) -> int:
    from moderator_app.sandbox.server import SandboxServer

    try:
        server = SandboxServer(args.host, args.port, seed=args.seed, interval_s=args.interval)
    except (ValueError, OSError) as exc:
        raise CliError(f"cannot serve the sandbox on {args.host}:{args.port}: {exc}") from None
    print(f"Sandbox platform on {server.url} (Ctrl+C stops)", flush=True)
    server.serve_forever()
    return 0


def cmd_accounts_add(args: argparse.Namespace) -> int:
    from moderator_app.accounts import AccountConflict, save_account, sign_in
    from moderator_app.connectors.errors import ConnectorError
    from moderator_app.connectors.http import make_client
    from moderator_app.connectors.registry import setup_for
    from moderator_app.domain import Platform
    from moderator_app.secrets import SecretStore, SecretsUnavailable

    platform = Platform(args.platform)
    secrets = SecretStore()
    try:
        secrets.check_available()
        setup = setup_for(platform)
    except (SecretsUnavailable, ConnectorError) as exc:
        raise CliError(str(exc)) from None
    values = _setup_values(setup.fields, args)

    async def run() -> "SignInResult":
        async with make_client() as client:
            return await sign_in(platform, values, client)

    try:
        result = asyncio.run(run())
    except ConnectorError as exc:
        raise CliError(f"could not sign in to {platform.label}: {exc}") from None
    targets = list(result.targets)
    if args.watch:
        targets = [t for t in targets if t.id in args.watch or t.title in args.watch]
        if not targets:
            found = ", ".join(f"{t.id} ({t.title})" for t in result.targets) or "nothing"
            raise CliError(f"none of {args.watch} was found; sign-in offers: {found}")
    with _open_store(args) as store:
        name = args.name or result.account_name
        if store.accounts.find(name) is not None:
            raise CliError(f"an account named {name!r} exists already")
        try:
            account = save_account(
                store,
                secrets,
                platform,
                result,
                name=name,
                targets=targets,
                poll_interval_s=args.interval,
            )
        except (SecretsUnavailable, AccountConflict) as exc:
            raise CliError(str(exc)) from None
    print(f"Added {account.platform.label} account {account.name!r} (id {account.id})")
    for target in targets:
        print(f"  watching {target.title} ({target.id})")
    return 0


def _setup_values(fields: "Sequence[SetupField]", args: argparse.Namespace) -> dict[str, str]:
    """The sign-in form, from the command line: `--url`, `--set NAME=VALUE`, and secrets from
    the environment (MODERATOR_<NAME>) or a hidden prompt, never from argv (shell history)."""
    import getpass
    import os

    values: dict[str, str] = {}
    for item in args.set or []:
        key, sep, value = item.partition("=")
        if not sep:
            raise CliError(f"--set takes NAME=VALUE, got {item!r}")
        values[key.strip()] = value
    if args.url:
        values["url"] = args.url
    for field in fields:
        if field.name in values:
            if field.secret:
                raise CliError(
                    f"pass {field.label.lower()} through MODERATOR_{field.name.upper()} "
                    "or the prompt, not on the command line"
                )
            continue
        from_env = os.environ.get(f"MODERATOR_{field.name.upper()}")
        if from_env is not None:
            values[field.name] = from_env
        elif sys.stdin.isatty():
            prompt = f"{field.label}: "
            values[field.name] = getpass.getpass(prompt) if field.secret else input(prompt)
        elif field.required:
            how = (
                f"MODERATOR_{field.name.upper()}"
                if field.secret
                else f"--set {field.name}=VALUE" + (" (or --url)" if field.name == "url" else "")
            )
            raise CliError(f"{field.label} is needed: give it with {how}")
    return values


def cmd_accounts_list(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        accounts = store.accounts.list()
        counts = store.comments.counts_by_account()
    rows = [
        {
            "id": a.id,
            "platform": a.platform.value,
            "name": a.name,
            "url": a.url,
            "comments": counts[a.id].total if a.id in counts else 0,
        }
        for a in accounts
    ]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not rows:
        print("No accounts yet. Add one with:")
        print("  moderator-app accounts add sandbox --url URL --name NAME")
    else:
        for r in rows:
            print(
                f"{r['id']:>4}  {r['platform']:<10} {r['name']:<24} {r['comments']:>6}  {r['url']}"
            )
    return 0


def cmd_accounts_remove(args: argparse.Namespace) -> int:
    from moderator_app.accounts import remove_account
    from moderator_app.secrets import SecretStore, SecretsUnavailable

    with _open_store(args) as store:
        account = store.accounts.find(args.account)
        if account is None or account.id is None:
            raise CliError(f"no account {args.account!r}")
        try:
            remove_account(store, SecretStore(), account)
        except SecretsUnavailable as exc:
            log.warning("the account's token could not be removed from the keyring: %s", exc)
    print(f"Removed account {account.name!r}")
    return 0


def cmd_sync_once(args: argparse.Namespace) -> int:
    report = asyncio.run(_engine(args).run_once())
    print(
        f"fetched {report.added} new, scored {report.scored}, sent {report.sent} action(s)",
        flush=True,
    )
    for problem in report.account_errors:
        print(f"error: {problem}", file=sys.stderr)
    if report.failed_actions:
        print(f"error: {report.failed_actions} action(s) failed", file=sys.stderr)
    if report.pending_actions:
        print(f"error: {report.pending_actions} action(s) still queued", file=sys.stderr)
    return 0 if report.ok else 1


def cmd_comments(args: argparse.Namespace) -> int:
    from moderator_app.domain import ToxicityLevel
    from moderator_app.serialize import comment_json
    from moderator_app.store import CommentFilter

    with _open_store(args) as store:
        account_id = None
        if args.account:
            account = store.accounts.find(args.account)
            if account is None:
                raise CliError(f"no account {args.account!r}")
            account_id = account.id
        flt = CommentFilter(
            account_id=account_id,
            min_level=ToxicityLevel(args.min_level) if args.min_level else None,
            search=args.search,
            include_own=True,
        )
        comments = store.comments.search(flt, limit=max(1, args.limit))
    if args.json:
        print(json.dumps([comment_json(c) for c in comments], ensure_ascii=False, indent=2))
        return 0
    for c in comments:
        tox = c.toxicity
        flag = f"{tox.level.value:<6} {tox.score:.2f}" if tox else "unscored   "
        state = c.remote.platform_state.value
        text = " ".join(c.text.split())
        print(f"{c.id:>6}  {flag}  {state:<7} {c.remote.author.name[:18]:<18} {text[:80]}")
    return 0


def cmd_action(args: argparse.Namespace) -> int:
    from moderator_app.domain import ActionKind
    from moderator_app.store.outbox import UnknownComment

    kind = ActionKind(args.kind)
    with _open_store(args) as store:
        _check_capability(store, args.comment_id, kind)
        try:
            action = store.outbox.enqueue(
                args.comment_id, kind, getattr(args, "text", ""), actor="cli"
            )
        except (UnknownComment, ValueError) as exc:
            raise CliError(str(exc)) from None
    print(f"Queued {kind.value} of comment {args.comment_id} (action {action.id})", flush=True)
    if args.no_send:
        return 0
    code = _send_pending(args)
    print("Sent.")
    return code


def _check_capability(store: "Store", comment_id: int, kind: "ActionKind") -> None:
    """Refuse up front what the comment's platform cannot do, and say what it can."""
    from moderator_app.connectors.registry import capabilities_for
    from moderator_app.domain import Capability

    comment = store.comments.get(comment_id)
    account = store.accounts.get(comment.account_id) if comment else None
    if account is None:
        return  # enqueue reports the unknown comment
    needed = Capability(kind.value)
    allowed = capabilities_for(account.platform)
    if needed not in allowed:
        can = ", ".join(sorted(c.value for c in allowed)) or "nothing"
        raise CliError(f"{account.platform.label} does not allow {kind.value}; it allows: {can}")


def cmd_escalate(args: argparse.Namespace) -> int:
    from moderator_app.store.outbox import UnknownComment

    with _open_store(args) as store:
        try:
            escalation = store.escalations.escalate(args.comment_id, args.note, author="cli")
        except UnknownComment as exc:
            raise CliError(str(exc)) from None
    print(f"Escalated comment {args.comment_id} (escalation {escalation.id})")
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    from moderator_app.serialize import toxicity_json
    from moderator_app.toxicity.default import default_scorer

    scorer = default_scorer()
    batch: list[str] = []

    def flush() -> None:
        for result in scorer.score_batch(batch):
            sys.stdout.write(json.dumps(toxicity_json(result), ensure_ascii=False) + "\n")
        sys.stdout.flush()
        batch.clear()

    for line in sys.stdin:
        batch.append(line.rstrip("\n"))
        if len(batch) >= 256:
            flush()
    flush()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    from moderator_app.connectors.redact import install_log_redaction

    install_log_redaction()
    func: Callable[[argparse.Namespace], int] = args.func
    from moderator_app.secrets import SecretsUnavailable
    from moderator_app.store import StoreError

    try:
        return func(args)
    except CliError as exc:
        print(f"moderator-app: {exc}", file=sys.stderr)
        return exc.code
    except (StoreError, SecretsUnavailable) as exc:
        print(f"moderator-app: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
