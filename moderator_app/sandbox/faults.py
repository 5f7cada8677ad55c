"""Failures injected on request, so tests can see how a client copes with a flaky platform."""

import threading
from dataclasses import dataclass
from enum import StrEnum


class FaultKind(StrEnum):
    SERVER_ERROR = "500"
    RATE_LIMITED = "429"
    MALFORMED = "malformed"  # 200 with a truncated JSON body, as a broken proxy might send
    TIMEOUT = "timeout"  # answer only after a long pause (the request is still carried out)


@dataclass(slots=True)
class _Fault:
    path_prefix: str
    kind: FaultKind
    remaining: int


class FaultPlan:
    """A queue of armed faults; each matching request consumes one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[_Fault] = []

    def arm(self, path_prefix: str, kind: FaultKind, times: int) -> None:
        with self._lock:
            self._faults.append(_Fault(path_prefix, kind, times))

    def take(self, path: str) -> FaultKind | None:
        with self._lock:
            for fault in self._faults:
                if fault.remaining > 0 and path.startswith(fault.path_prefix):
                    fault.remaining -= 1
                    kind = fault.kind
                    break
            else:
                return None
            self._faults = [f for f in self._faults if f.remaining > 0]
            return kind

    def clear(self) -> int:
        with self._lock:
            count = sum(f.remaining for f in self._faults)
            self._faults.clear()
            return count
