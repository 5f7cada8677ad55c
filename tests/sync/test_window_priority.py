"""The engine pauses between pages while the window is busy, briefly and never for good."""

import threading
import time

from moderator_app.sync.window_priority import WindowPriority


def test_the_engine_waits_while_the_window_is_busy_and_goes_on_when_it_is_done() -> None:
    priority = WindowPriority()
    waited: list[float] = []

    def engine_step() -> None:
        started = time.perf_counter()
        priority.let_window_run(max_pause_s=5.0)
        waited.append(time.perf_counter() - started)

    with priority.busy():
        thread = threading.Thread(target=engine_step)
        thread.start()
        time.sleep(0.1)
        assert not waited  # still waiting for the window
    thread.join(5)
    assert 0.05 < waited[0] < 2.0


def test_an_idle_window_costs_the_engine_nothing_and_a_busy_one_at_most_the_pause() -> None:
    priority = WindowPriority()
    started = time.perf_counter()
    priority.let_window_run()
    assert time.perf_counter() - started < 0.01
    with priority.busy(), priority.busy():  # nested: busy until the outer one ends
        started = time.perf_counter()
        priority.let_window_run(max_pause_s=0.05)
        assert 0.04 < time.perf_counter() - started < 1.0
    started = time.perf_counter()
    priority.let_window_run()
    assert time.perf_counter() - started < 0.01
