"""The clocks: the real one, a frozen one, and the simulated one rehearsals steer.

The simulated clock is stepped through an injected monotonic time, so every test here
is exact and instant.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import FakeMonotonic
from tui.core.timing.clock import Clock, FrozenClock, SimulatedClock, WallClock

T0 = datetime(2026, 12, 3, 16, 58, tzinfo=UTC)


def simulated(speed: float = 1.0, *, paused: bool = False) -> tuple[SimulatedClock, FakeMonotonic]:
    fake = FakeMonotonic()
    return SimulatedClock(T0, speed=speed, paused=paused, monotonic=fake), fake


def test_every_clock_is_a_clock_and_says_whether_it_is_simulated() -> None:
    clock, _ = simulated()
    assert isinstance(WallClock(), Clock) and not WallClock().simulated
    assert isinstance(FrozenClock(T0), Clock) and FrozenClock(T0).simulated
    assert isinstance(clock, Clock) and clock.simulated


def test_wall_clock_is_aware_utc() -> None:
    now = WallClock().now()
    assert now.utcoffset() == timedelta(0)
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)


def test_frozen_clock_moves_only_when_told() -> None:
    clock = FrozenClock(T0.astimezone(timezone(timedelta(hours=1))))
    assert clock.now() == T0 and clock.now().tzinfo == UTC
    clock.advance(timedelta(minutes=3))
    assert clock.now() == T0 + timedelta(minutes=3)
    clock.set(T0)
    assert clock.now() == T0


def test_naive_moments_are_refused() -> None:
    naive = datetime(2026, 12, 3, 18, 0)  # noqa: DTZ001 - the point of the test
    with pytest.raises(ValueError, match="timezone-aware"):
        FrozenClock(naive)
    with pytest.raises(ValueError, match="timezone-aware"):
        SimulatedClock(naive)
    clock, _ = simulated()
    with pytest.raises(ValueError, match="timezone-aware"):
        clock.jump_to(naive)


def test_runs_at_its_speed() -> None:
    clock, fake = simulated(10)
    assert clock.now() == T0
    fake.advance(6)
    assert clock.now() == T0 + timedelta(minutes=1)


def test_pause_holds_time_and_resume_continues_without_a_jump() -> None:
    clock, fake = simulated(60)
    fake.advance(1)
    clock.pause()
    held = clock.now()
    assert held == T0 + timedelta(minutes=1) and clock.paused
    fake.advance(100)  # a long pause
    assert clock.now() == held
    clock.resume()
    assert clock.now() == held  # nothing of the pause is counted
    fake.advance(1)
    assert clock.now() == held + timedelta(minutes=1)
    assert clock.toggle() is True and clock.toggle() is False


def test_starting_paused() -> None:
    clock, fake = simulated(paused=True)
    fake.advance(30)
    assert clock.now() == T0
    clock.resume()
    fake.advance(30)
    assert clock.now() == T0 + timedelta(seconds=30)


def test_speed_change_keeps_time_continuous() -> None:
    clock, fake = simulated(1)
    fake.advance(30)
    before = clock.now()
    clock.speed = 60
    assert clock.now() == before
    fake.advance(1)
    assert clock.now() == before + timedelta(minutes=1)


def test_speed_ladder_up_and_down_with_stops_at_each_end() -> None:
    clock, _ = simulated(1)
    assert [clock.faster() for _ in range(5)] == [2, 5, 10, 60, 60]
    assert [clock.slower() for _ in range(5)] == [10, 5, 2, 1, 1]
    odd, _ = simulated(3)  # `--speed 3` joins the ladder at the next step
    assert odd.faster() == 5
    odd.speed = 3
    assert odd.slower() == 2


def test_speed_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        simulated(0)
    clock, _ = simulated()
    with pytest.raises(ValueError, match="positive"):
        clock.speed = -1


def test_jump_keeps_speed_and_pause() -> None:
    clock, fake = simulated(10)
    target = T0 + timedelta(minutes=27)
    clock.jump_to(target)
    assert clock.now() == target
    fake.advance(6)
    assert clock.now() == target + timedelta(minutes=1)
    clock.pause()
    clock.jump_to(T0)
    fake.advance(60)
    assert clock.now() == T0 and clock.paused and clock.speed == 10


Step = tuple[str, float]
steps = st.lists(
    st.tuples(
        st.sampled_from(["advance", "pause", "resume", "faster", "slower"]),
        st.floats(min_value=0, max_value=100),
    ),
    max_size=30,
)


@given(steps)
def test_never_jumps_and_never_goes_back(operations: list[Step]) -> None:
    """Whatever is pressed, each change of pause or speed leaves "now" where it was, and
    time only moves forward, by real time times the speed in force."""
    clock, fake = simulated()
    for name, amount in operations:
        before = clock.now()
        if name == "advance":
            speed, paused = clock.speed, clock.paused
            fake.advance(amount)
            expected = before if paused else before + timedelta(seconds=amount * speed)
            assert abs(clock.now() - expected) < timedelta(milliseconds=1)
        else:
            getattr(clock, name)()
            assert clock.now() == before
