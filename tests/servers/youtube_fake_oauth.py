"""Google's OAuth endpoints, as the YouTube fake plays them.

Authorization (`GET /o/oauth2/v2/auth`): checks what Google checks for a Desktop client
(known client id, `response_type=code`, a loopback `redirect_uri` on any port, S256 PKCE,
the scope) and, standing in for the user's consent, redirects back with `code` and `state`
(or `error=access_denied`). Token endpoint (`POST /token`): the authorization-code grant
(code single-use, same client and redirect URI, verifier matching the challenge) and the
refresh grant; errors are `{"error", "error_description"}` like Google's.
"""

import base64
import hashlib
import secrets
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit

SCOPE = "https://www.googleapis.com/auth/youtube.force-ssl"
CLIENT_ID = "1234567890-fake.apps.googleusercontent.com"
CLIENT_SECRET = "GOCSPX-fake-desktop-secret"


class OAuthError(Exception):
    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.error = error
        self.description = description


@dataclass
class _Code:
    client_id: str
    redirect_uri: str
    challenge: str
    used: bool = False


@dataclass
class OAuthServer:
    clients: dict[str, str] = field(default_factory=lambda: {CLIENT_ID: CLIENT_SECRET})
    access_ttl_s: int = 3599
    consent: str = "allow"  # or "deny"
    codes: dict[str, _Code] = field(default_factory=dict)
    access: dict[str, float] = field(default_factory=dict)  # token → expires (epoch s)
    refresh: dict[str, str] = field(default_factory=dict)  # refresh token → client id
    revoked: set[str] = field(default_factory=set)
    refreshes: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def authorize(self, query: str) -> str:
        """The `Location` the consent page sends the browser to."""
        params = {k: v[0] for k, v in parse_qs(query).items()}
        if params.get("client_id") not in self.clients:
            raise OAuthError(401, "invalid_client", "The OAuth client was not found.")
        redirect = params.get("redirect_uri", "")
        parts = urlsplit(redirect)
        if parts.scheme != "http" or parts.hostname not in {"127.0.0.1", "[::1]", "::1"}:
            raise OAuthError(400, "redirect_uri_mismatch", "Desktop clients need a loopback URI.")
        checks = {
            "response_type": params.get("response_type") == "code",
            "code_challenge_method": params.get("code_challenge_method") == "S256",
            "code_challenge": len(params.get("code_challenge", "")) == 43,
            "scope": SCOPE in params.get("scope", "").split(),
        }
        for name, ok in checks.items():
            if not ok:
                raise OAuthError(400, "invalid_request", f"Bad or missing {name}.")
        state = params.get("state", "")
        if self.consent != "allow":
            return f"{redirect}?{urlencode({'error': 'access_denied', 'state': state})}"
        code = "4/0A" + secrets.token_urlsafe(30)
        with self.lock:
            self.codes[code] = _Code(params["client_id"], redirect, params["code_challenge"])
        return f"{redirect}?{urlencode({'state': state, 'code': code, 'scope': SCOPE})}"

    def token(self, form: dict[str, str]) -> dict[str, object]:
        client_id = form.get("client_id", "")
        if (
            client_id not in self.clients
            or form.get("client_secret", "") != self.clients[client_id]
        ):
            raise OAuthError(401, "invalid_client", "Unauthorized")
        grant = form.get("grant_type")
        with self.lock:
            if grant == "authorization_code":
                return self._exchange(form, client_id)
            if grant == "refresh_token":
                return self._refresh(form, client_id)
        raise OAuthError(400, "unsupported_grant_type", "Invalid grant_type: " + str(grant))

    def _exchange(self, form: dict[str, str], client_id: str) -> dict[str, object]:
        code = self.codes.get(form.get("code", ""))
        if code is None or code.used or code.client_id != client_id:
            raise OAuthError(400, "invalid_grant", "Malformed auth code.")
        if form.get("redirect_uri") != code.redirect_uri:
            raise OAuthError(400, "redirect_uri_mismatch", "Bad Request")
        verifier = form.get("code_verifier", "")
        digest = hashlib.sha256(verifier.encode()).digest()
        if base64.urlsafe_b64encode(digest).rstrip(b"=").decode() != code.challenge:
            raise OAuthError(400, "invalid_grant", "Invalid code verifier.")
        code.used = True
        refresh = "1//0g" + secrets.token_urlsafe(40)
        self.refresh[refresh] = client_id
        return {**self._issue(), "refresh_token": refresh}

    def _refresh(self, form: dict[str, str], client_id: str) -> dict[str, object]:
        token = form.get("refresh_token", "")
        if self.refresh.get(token) != client_id or token in self.revoked:
            raise OAuthError(400, "invalid_grant", "Token has been expired or revoked.")
        self.refreshes += 1
        return self._issue()

    def _issue(self) -> dict[str, object]:
        access = "ya29.a0" + secrets.token_urlsafe(60)
        self.access[access] = time.time() + self.access_ttl_s
        return {
            "access_token": access,
            "expires_in": self.access_ttl_s,
            "scope": SCOPE,
            "token_type": "Bearer",
        }

    def valid(self, access_token: str) -> bool:
        with self.lock:
            expires = self.access.get(access_token)
            return expires is not None and time.time() < expires

    # --- test controls -------------------------------------------------------------------

    def grant(self) -> tuple[str, str]:
        """An access and a refresh token, as if the user had signed in earlier."""
        with self.lock:
            refresh = "1//0g" + secrets.token_urlsafe(40)
            self.refresh[refresh] = CLIENT_ID
            issued = self._issue()
        return str(issued["access_token"]), refresh

    def expire_access_tokens(self) -> None:
        with self.lock:
            for token in self.access:
                self.access[token] = 0.0

    def revoke_all(self) -> None:
        with self.lock:
            self.revoked.update(self.refresh)
            self.access.clear()
