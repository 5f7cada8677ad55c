"""A local fake of the VK API for tests: an `httpx.MockTransport` handler with VK's semantics.

What it implements, as VK documents it (and as the recorded responses in tests/fixtures/vk
show):
- the method-call envelope: `POST https://api.vk.com/method/<name>` with form fields, always
  HTTP 200 with `{"response": …}` or `{"error": {"error_code", "error_msg", "request_params"}}`
  (request_params echo the call, access token included, like VK does);
- Bots Long Poll: `groups.getLongPollServer` → `{server, key, ts}`; `GET {server}?act=a_check`
  with `key`, `ts`, `wait` → `{ts, updates}`, `{failed: 1, ts}` when `ts` is older than the
  kept history, `{failed: 2}` for an expired key, `{failed: 3}` when the history was lost; only
  events switched on with `groups.setLongPollSettings` are recorded;
- the wall: `wall.get`, `wall.getById`, `wall.getComments` (offset/count, sort, extended,
  thread_items_count, comment_id; a removed comment with replies stays as a `deleted`
  placeholder, others vanish), `wall.createComment` (guid dedupe, captcha on demand),
  `wall.deleteComment`/`wall.restoreComment` (243 when not removed), `wall.reportComment`;
- `users.get`, `groups.get(filter=admin)`, `groups.getById`, `account.getAppPermissions`;
- faults: any VK error code for the next calls of a method (6, 9, 14, 5, …), a revoked token,
  a per-token request rate limit (error 6), timeouts (before or after the call took effect),
  malformed bodies and 5xx.

Assumptions where VK's documentation is silent: a repeated `wall.deleteComment` answers 104
(not found); a repeated `guid` returns the first comment's id.
"""

import itertools
import json
import secrets
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

import httpx

API_HOST = "api.vk.com"
LP_HOST = "lp.vk.test"
API_VERSION = "5.199"
RIGHTS_WALL, RIGHTS_GROUPS, RIGHTS_OFFLINE = 8192, 262144, 65536
WALL_EVENTS = ("wall_reply_new", "wall_reply_edit", "wall_reply_delete", "wall_reply_restore")
LP_BATCH = 50  # events per a_check answer, so a backlog takes several reads


@dataclass
class Post:
    owner_id: int
    id: int
    from_id: int
    text: str
    date: int


@dataclass
class Comment:
    owner_id: int
    post_id: int
    id: int
    from_id: int
    text: str
    date: int
    reply_to_comment: int | None = None
    reply_to_user: int | None = None
    parents_stack: list[int] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    likes: int = 0
    deleted: bool = False


@dataclass
class Fault:
    """What the next `times` matching requests get. `target` is a method name, "longpoll",
    or "*" for every API method."""

    target: str
    kind: str  # "error", "timeout", "timeout_after", "malformed", "http"
    times: int = 1
    code: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


class VkError(Exception):
    def __init__(self, code: int, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.extra = extra


class FakeVk:
    """The world of one or more communities. Test code changes it through the plain methods
    (`add_post`, `add_comment`, `remove_comment`, …) and reads what the connector did through
    `calls`, `reports` and the comments themselves."""

    def __init__(
        self,
        *,
        group_id: int = 1001,
        group_name: str = "Кофейня «Бодрость»",
        screen_name: str = "bodrost",
        admin_id: int = 501,
        token: str = "vk1.a.admin-token-0123456789abcdef",
    ) -> None:
        self.admin_id = admin_id
        self.token = token
        self.users: dict[int, tuple[str, str]] = {admin_id: ("Анна", "Смирнова")}
        self.groups: dict[int, dict[str, Any]] = {}
        self.admins: dict[int, set[int]] = {}
        self.tokens: dict[str, int] = {token: admin_id}
        self.rights = RIGHTS_WALL | RIGHTS_GROUPS | RIGHTS_OFFLINE
        self.posts: dict[tuple[int, int], Post] = {}
        self.comments: dict[tuple[int, int], Comment] = {}
        self.lp_settings: dict[int, dict[str, Any]] = {}
        self.events: dict[int, list[tuple[int, dict[str, Any]]]] = {}
        self.ts: dict[int, int] = {}
        self.history_start: dict[int, int] = {}
        self.history_lost: set[int] = set()
        self.keys: dict[str, int] = {}
        self.guids: dict[tuple[int, str], dict[str, Any]] = {}
        self.reports: list[tuple[int, int, int]] = []
        self.faults: list[Fault] = []
        self.captcha_methods: set[str] = set()
        self.captcha_answers: dict[str, str] = {}
        self.rate_limit_per_s: float | None = None
        self.calls: list[tuple[str, dict[str, str]]] = []
        self.lp_requests: list[dict[str, Any]] = []
        self._recent: dict[str, deque[float]] = {}
        self._ids = itertools.count(1)
        self._clock = itertools.count(1_764_000_000, 7)
        self.add_group(group_id, group_name, screen_name)

    # --- the world -------------------------------------------------------------------------

    def add_group(self, group_id: int, name: str, screen_name: str) -> None:
        self.groups[group_id] = {"id": group_id, "name": name, "screen_name": screen_name}
        self.admins[group_id] = {self.admin_id}
        self.lp_settings[group_id] = {
            "is_enabled": False,
            "api_version": "5.131",
            "events": dict.fromkeys((*WALL_EVENTS, "message_new", "wall_post_new"), 0),
        }
        self.events[group_id] = []
        self.ts[group_id] = 100 + group_id % 7
        self.history_start[group_id] = self.ts[group_id] + 1

    def add_user(self, user_id: int, first: str, last: str) -> None:
        self.users[user_id] = (first, last)

    def add_post(self, group_id: int, text: str) -> int:
        post_id = next(self._ids)
        owner = -group_id
        self.posts[(owner, post_id)] = Post(owner, post_id, owner, text, next(self._clock))
        return post_id

    def add_comment(
        self,
        group_id: int,
        post_id: int,
        from_id: int,
        text: str,
        *,
        reply_to: int | None = None,
        attachments: list[dict[str, Any]] | None = None,
    ) -> int:
        owner = -group_id
        if (owner, post_id) not in self.posts:
            raise VkError(100, "One of the parameters specified was missing or invalid: post_id")
        comment = Comment(
            owner,
            post_id,
            next(self._ids),
            from_id,
            text,
            next(self._clock),
            attachments=list(attachments or []),
        )
        if reply_to is not None:
            parent = self.comments.get((owner, reply_to))
            if parent is None or parent.post_id != post_id:
                raise VkError(100, "One of the parameters specified was missing or invalid")
            comment.reply_to_comment = reply_to
            comment.reply_to_user = parent.from_id
            comment.parents_stack = [parent.parents_stack[0] if parent.parents_stack else reply_to]
        self.comments[(owner, comment.id)] = comment
        self._event(group_id, "wall_reply_new", self.comment_json(comment, longpoll=True))
        return comment.id

    def edit_comment(self, group_id: int, comment_id: int, text: str) -> None:
        comment = self.comments[(-group_id, comment_id)]
        comment.text = text
        self._event(group_id, "wall_reply_edit", self.comment_json(comment, longpoll=True))

    def remove_comment(self, group_id: int, comment_id: int, by: int) -> None:
        comment = self.comments[(-group_id, comment_id)]
        comment.deleted = True
        self._event(
            group_id,
            "wall_reply_delete",
            {"owner_id": -group_id, "id": comment_id, "deleter_id": by, "post_id": comment.post_id},
        )

    def restore_comment(self, group_id: int, comment_id: int) -> None:
        comment = self.comments[(-group_id, comment_id)]
        comment.deleted = False
        self._event(group_id, "wall_reply_restore", self.comment_json(comment, longpoll=True))

    def expire_keys(self) -> None:
        self.keys.clear()

    def forget_history(self, group_id: int) -> None:
        """VK dropped old events: reads from before now answer failed 1."""
        self.history_start[group_id] = self.ts[group_id] + 1

    def lose_history(self, group_id: int) -> None:
        """The next read answers failed 3 (key and ts must both be fetched again)."""
        self.history_lost.add(group_id)

    def revoke(self, token: str) -> None:
        self.tokens.pop(token, None)

    def inject(
        self, target: str, kind: str = "error", *, times: int = 1, code: int = 0, **extra: Any
    ) -> None:
        self.faults.append(Fault(target, kind, times, code, extra))

    def require_captcha(self, method: str) -> None:
        self.captcha_methods.add(method)

    def visible(self, group_id: int) -> list[Comment]:
        return [c for (o, _), c in self.comments.items() if o == -group_id and not c.deleted]

    def calls_of(self, method: str) -> list[dict[str, str]]:
        return [params for name, params in self.calls if name == method]

    # --- JSON as VK sends it ----------------------------------------------------------------

    def comment_json(
        self, c: Comment, *, longpoll: bool = False, thread_items: int = 0, likes: bool = False
    ) -> dict[str, Any]:
        if c.deleted and not longpoll:
            return {
                "id": c.id,
                "parents_stack": c.parents_stack,
                "date": c.date,
                "deleted": True,
                "thread": self._thread(c, thread_items),
            }
        data: dict[str, Any] = {
            "id": c.id,
            "from_id": c.from_id,
            "date": c.date,
            "text": c.text,
            "post_id": c.post_id,
            "owner_id": c.owner_id,
            "parents_stack": c.parents_stack,
        }
        if longpoll:
            data["post_owner_id"] = c.owner_id
        if c.reply_to_comment is not None:
            data["reply_to_comment"] = c.reply_to_comment
            data["reply_to_user"] = c.reply_to_user
        if c.attachments:
            data["attachments"] = c.attachments
        if likes:
            data["likes"] = {"count": c.likes, "user_likes": 0, "can_like": 1}
        if not c.parents_stack:
            data["thread"] = self._thread(c, thread_items)
        return data

    def _thread(self, c: Comment, items: int) -> dict[str, Any]:
        replies = self._replies(c)
        return {
            "count": len(replies),
            "items": [self.comment_json(r) for r in replies[:items]],
            "can_post": True,
            "show_reply_button": True,
            "groups_can_post": True,
        }

    def _replies(self, c: Comment) -> list[Comment]:
        return sorted(
            (
                r
                for r in self.comments.values()
                if r.owner_id == c.owner_id and r.parents_stack == [c.id] and not r.deleted
            ),
            key=lambda r: r.id,
        )

    def post_json(self, p: Post) -> dict[str, Any]:
        count = sum(
            1
            for c in self.comments.values()
            if (c.owner_id, c.post_id) == (p.owner_id, p.id) and not c.deleted
        )
        return {
            "inner_type": "wall_wallpost",
            "id": p.id,
            "owner_id": p.owner_id,
            "from_id": p.from_id,
            "date": p.date,
            "text": p.text,
            "post_type": "post",
            "comments": {"count": count, "can_post": 1},
            "likes": {"count": 0},
        }

    def _event(self, group_id: int, kind: str, obj: dict[str, Any]) -> None:
        settings = self.lp_settings[group_id]
        if not settings["is_enabled"] or not settings["events"].get(kind):
            return
        self.ts[group_id] += 1
        update = {
            "type": kind,
            "object": obj,
            "group_id": group_id,
            "event_id": secrets.token_hex(20),
            "v": settings["api_version"],
        }
        self.events[group_id].append((self.ts[group_id], update))

    # --- the transport -----------------------------------------------------------------------

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == LP_HOST:
            return self._longpoll(request)
        if request.url.host != API_HOST or not request.url.path.startswith("/method/"):
            return httpx.Response(404, text="not found")
        method = request.url.path.removeprefix("/method/")
        form = {
            k: v[0] for k, v in parse_qs(request.content.decode(), keep_blank_values=True).items()
        }
        self.calls.append((method, {k: v for k, v in form.items() if k != "access_token"}))
        fault = self._fault(method)
        if fault is not None and fault.kind != "timeout_after":
            return self._faulty(fault, request, method, form)
        try:
            body: dict[str, Any] = {"response": self._dispatch(method, form)}
        except VkError as error:
            body = {
                "error": {
                    "error_code": error.code,
                    "error_msg": error.message,
                    "request_params": [
                        {"key": "method", "value": method},
                        *({"key": k, "value": v} for k, v in form.items()),
                    ],
                    **error.extra,
                }
            }
        if fault is not None:  # the call took effect; its answer never arrives
            raise httpx.ReadTimeout("timed out", request=request)
        return httpx.Response(200, json=body)

    def _fault(self, target: str) -> Fault | None:
        for fault in self.faults:
            if (
                fault.target in (target, "*" if target != "longpoll" else "longpoll")
                and fault.times > 0
            ):
                fault.times -= 1
                return fault
        return None

    def _faulty(
        self, fault: Fault, request: httpx.Request, method: str, form: Mapping[str, str]
    ) -> httpx.Response:
        if fault.kind == "timeout":
            raise httpx.ReadTimeout("timed out", request=request)
        if fault.kind == "malformed":
            return httpx.Response(200, text="<html>502 Bad Gateway</html>")
        if fault.kind == "http":
            return httpx.Response(fault.code or 502, text="bad gateway")
        error = {
            "error_code": fault.code,
            "error_msg": fault.extra.get("error_msg", f"error {fault.code}"),
            "request_params": [
                {"key": "method", "value": method},
                *({"key": k, "value": v} for k, v in form.items()),
            ],
            **{k: v for k, v in fault.extra.items() if k != "error_msg"},
        }
        return httpx.Response(200, json={"error": error})

    def _dispatch(self, method: str, form: dict[str, str]) -> Any:
        if form.get("v") != API_VERSION:
            raise VkError(8, "Invalid request: v (version) is required or outdated")
        user_id = self._user(form)
        self._rate_limit(form["access_token"])
        if method in self.captcha_methods:
            self._captcha(method, form)
        handler: Callable[[int, dict[str, str]], Any] | None = getattr(
            self, "_m_" + method.replace(".", "_"), None
        )
        if handler is None:
            raise VkError(3, "Unknown method passed")
        return handler(user_id, form)

    def _user(self, form: Mapping[str, str]) -> int:
        token = form.get("access_token")
        if not token:
            raise VkError(5, "User authorization failed: no access_token passed.")
        user_id = self.tokens.get(token)
        if user_id is None:
            raise VkError(5, "User authorization failed: invalid access_token (4).")
        return user_id

    def _rate_limit(self, token: str) -> None:
        if self.rate_limit_per_s is None:
            return
        now = time.monotonic()
        recent = self._recent.setdefault(token, deque())
        while recent and now - recent[0] >= 1.0:
            recent.popleft()
        if len(recent) >= self.rate_limit_per_s:
            raise VkError(6, "Too many requests per second")
        recent.append(now)

    def _captcha(self, method: str, form: Mapping[str, str]) -> None:
        sid = form.get("captcha_sid")
        if sid is not None and self.captcha_answers.get(sid) == form.get("captcha_key"):
            self.captcha_methods.discard(method)
            return
        new_sid = str(next(self._ids) * 1000 + 7)
        self.captcha_answers[new_sid] = "k7x2"
        raise VkError(
            14,
            "Captcha needed",
            captcha_sid=new_sid,
            captcha_img=f"https://api.vk.com/captcha.php?sid={new_sid}&s=1",
        )

    def _admin_of(self, user_id: int, group_id: int) -> None:
        if group_id not in self.groups:
            raise VkError(100, "One of the parameters specified was missing or invalid: group_id")
        if user_id not in self.admins[group_id]:
            raise VkError(15, "Access denied: no access to call this method")

    # --- methods -----------------------------------------------------------------------------

    def _m_users_get(self, user_id: int, form: dict[str, str]) -> Any:
        ids = [int(i) for i in form["user_ids"].split(",")] if form.get("user_ids") else [user_id]
        return [
            {
                "id": i,
                "first_name": self.users[i][0],
                "last_name": self.users[i][1],
                "can_access_closed": True,
                "is_closed": False,
            }
            for i in ids
            if i in self.users
        ]

    def _m_account_getAppPermissions(self, user_id: int, form: dict[str, str]) -> Any:
        return self.rights

    def _group_json(self, group: Mapping[str, Any], user_id: int) -> dict[str, Any]:
        admin = user_id in self.admins[group["id"]]
        return {
            **group,
            "is_closed": 0,
            "type": "page",
            "is_admin": int(admin),
            **({"admin_level": 3} if admin else {}),
            "is_member": 1,
        }

    def _m_groups_get(self, user_id: int, form: dict[str, str]) -> Any:
        mine = [g for gid, g in self.groups.items() if user_id in self.admins[gid]]
        if form.get("extended") == "1":
            return {"count": len(mine), "items": [self._group_json(g, user_id) for g in mine]}
        return {"count": len(mine), "items": [g["id"] for g in mine]}

    def _m_groups_getById(self, user_id: int, form: dict[str, str]) -> Any:
        ids = [int(i) for i in form.get("group_ids", form.get("group_id", "")).split(",") if i]
        return {
            "groups": [self._group_json(self.groups[i], user_id) for i in ids if i in self.groups],
            "profiles": [],
        }

    def _m_groups_getLongPollSettings(self, user_id: int, form: dict[str, str]) -> Any:
        group_id = int(form["group_id"])
        self._admin_of(user_id, group_id)
        settings = self.lp_settings[group_id]
        return {
            "is_enabled": settings["is_enabled"],
            "api_version": settings["api_version"],
            "events": dict(settings["events"]),
        }

    def _m_groups_setLongPollSettings(self, user_id: int, form: dict[str, str]) -> Any:
        group_id = int(form["group_id"])
        self._admin_of(user_id, group_id)
        settings = self.lp_settings[group_id]
        if "enabled" in form:
            settings["is_enabled"] = form["enabled"] == "1"
        if "api_version" in form:
            settings["api_version"] = form["api_version"]
        for name in settings["events"]:
            if name in form:
                settings["events"][name] = int(form[name])
        return 1

    def _m_groups_getLongPollServer(self, user_id: int, form: dict[str, str]) -> Any:
        group_id = int(form["group_id"])
        self._admin_of(user_id, group_id)
        if not self.lp_settings[group_id]["is_enabled"]:
            raise VkError(
                100, "One of the parameters specified was missing or invalid: long poll is disabled"
            )
        key = secrets.token_hex(20)
        self.keys[key] = group_id
        self.history_lost.discard(group_id)
        return {
            "key": key,
            "server": f"https://{LP_HOST}/wh{group_id}",
            "ts": str(self.ts[group_id]),
        }

    def _m_wall_get(self, user_id: int, form: dict[str, str]) -> Any:
        owner = int(form["owner_id"])
        posts = sorted((p for p in self.posts.values() if p.owner_id == owner), key=lambda p: -p.id)
        offset, count = int(form.get("offset", 0)), min(int(form.get("count", 20)), 100)
        return {
            "count": len(posts),
            "items": [self.post_json(p) for p in posts[offset : offset + count]],
        }

    def _m_wall_getById(self, user_id: int, form: dict[str, str]) -> Any:
        items = []
        for ref in form["posts"].split(","):
            owner, post_id = (int(x) for x in ref.rsplit("_", 1))
            post = self.posts.get((owner, post_id))
            if post is not None:
                items.append(self.post_json(post))
        return {"items": items}

    def _m_wall_getComments(self, user_id: int, form: dict[str, str]) -> Any:
        owner, post_id = int(form["owner_id"]), int(form["post_id"])
        if (owner, post_id) not in self.posts:
            raise VkError(100, "One of the parameters specified was missing or invalid: post_id")
        thread_items = min(int(form.get("thread_items_count", 0)), 10)
        likes = form.get("need_likes") == "1"
        if form.get("comment_id"):
            root = self.comments.get((owner, int(form["comment_id"])))
            if root is None or root.post_id != post_id:
                raise VkError(
                    100, "One of the parameters specified was missing or invalid: comment_id"
                )
            level = self._replies(root)
        else:
            level = sorted(
                (
                    c
                    for c in self.comments.values()
                    if (c.owner_id, c.post_id) == (owner, post_id)
                    and not c.parents_stack
                    and (not c.deleted or self._replies(c))
                ),
                key=lambda c: c.id,
            )
        if form.get("sort") == "desc":
            level.reverse()
        offset, count = int(form.get("offset", 0)), min(int(form.get("count", 10)), 100)
        page = level[offset : offset + count]
        items = [self.comment_json(c, thread_items=thread_items, likes=likes) for c in page]
        body: dict[str, Any] = {
            "count": len(level),
            "items": items,
            "current_level_count": len(level),
            "can_post": True,
            "show_reply_button": True,
            "groups_can_post": True,
        }
        if form.get("extended") == "1":
            shown = [c for c in page if not c.deleted]
            shown += [r for c in page for r in self._replies(c)[:thread_items]]
            authors = {c.from_id for c in shown}
            body["profiles"] = [
                {"id": i, "first_name": self.users[i][0], "last_name": self.users[i][1]}
                for i in sorted(authors)
                if i > 0 and i in self.users
            ]
            body["groups"] = [
                self._group_json(self.groups[-i], user_id)
                for i in sorted(authors)
                if i < 0 and -i in self.groups
            ]
        return body

    def _m_wall_createComment(self, user_id: int, form: dict[str, str]) -> Any:
        guid = form.get("guid")
        if guid and (user_id, guid) in self.guids:
            return self.guids[(user_id, guid)]
        owner, post_id = int(form["owner_id"]), int(form["post_id"])
        from_id = user_id
        if form.get("from_group"):
            group_id = int(form["from_group"])
            self._admin_of(user_id, group_id)
            from_id = -group_id
        if not form.get("message"):
            raise VkError(
                100, "One of the parameters specified was missing or invalid: message is empty"
            )
        reply_to = int(form["reply_to_comment"]) if form.get("reply_to_comment") else None
        new_id = self.add_comment(-owner, post_id, from_id, form["message"], reply_to=reply_to)
        answer = {
            "comment_id": new_id,
            "parents_stack": self.comments[(owner, new_id)].parents_stack,
        }
        if guid:
            self.guids[(user_id, guid)] = answer
        return answer

    def _moderated(self, user_id: int, form: dict[str, str]) -> Comment:
        owner = int(form["owner_id"])
        self._admin_of(user_id, -owner)
        comment = self.comments.get((owner, int(form["comment_id"])))
        if comment is None:
            raise VkError(104, "Not found")
        return comment

    def _m_wall_deleteComment(self, user_id: int, form: dict[str, str]) -> Any:
        comment = self._moderated(user_id, form)
        if comment.deleted:
            raise VkError(104, "Not found")
        self.remove_comment(-comment.owner_id, comment.id, by=user_id)
        return 1

    def _m_wall_restoreComment(self, user_id: int, form: dict[str, str]) -> Any:
        comment = self._moderated(user_id, form)
        if not comment.deleted:
            raise VkError(243, "Comment has not been deleted")
        self.restore_comment(-comment.owner_id, comment.id)
        return 1

    def _m_wall_reportComment(self, user_id: int, form: dict[str, str]) -> Any:
        reason = int(form["reason"])
        if reason not in (0, 1, 2, 3, 4, 5, 6, 8, 11):
            raise VkError(100, "One of the parameters specified was missing or invalid: reason")
        comment = self.comments.get((int(form["owner_id"]), int(form["comment_id"])))
        if comment is None:
            raise VkError(104, "Not found")
        self.reports.append((comment.owner_id, comment.id, reason))
        return 1

    # --- Bots Long Poll -------------------------------------------------------------------------

    def _longpoll(self, request: httpx.Request) -> httpx.Response:
        params = dict(request.url.params)
        timeout = request.extensions.get("timeout", {})
        self.lp_requests.append({**params, "read_timeout": timeout.get("read")})
        fault = self._fault("longpoll")
        if fault is not None:
            return self._faulty(fault, request, "longpoll", {})
        if params.get("act") != "a_check":
            return httpx.Response(200, json={"failed": 4})
        group_id = self.keys.get(params.get("key", ""))
        if group_id is None or f"/wh{group_id}" != request.url.path:
            return httpx.Response(200, json={"failed": 2})
        if group_id in self.history_lost:
            return httpx.Response(200, json={"failed": 3})
        current = self.ts[group_id]
        try:
            ts = int(params.get("ts", ""))
        except ValueError:
            return httpx.Response(200, json={"failed": 1, "ts": current})
        if ts < self.history_start[group_id] - 1 or ts > current:
            return httpx.Response(200, json={"failed": 1, "ts": current})
        batch = [(n, u) for n, u in self.events[group_id] if n > ts][:LP_BATCH]
        next_ts = batch[-1][0] if batch else current
        return httpx.Response(
            200,
            content=json.dumps({"ts": str(next_ts), "updates": [u for _, u in batch]}).encode(),
            headers={"Content-Type": "application/json"},
        )
