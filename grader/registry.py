"""A name -> factory registry. Knows no concrete plugin; plugins register themselves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class UnknownName(KeyError):
    def __str__(self) -> str:  # KeyError quotes its message; we want plain words
        return str(self.args[0])


class Registry(Generic[T]):
    """Maps a name to a zero-argument factory, resolved lazily on first use."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._factories: dict[str, Callable[[], T]] = {}
        self._cache: dict[str, T] = {}

    def register(self, name: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
        def decorator(factory: Callable[[], T]) -> Callable[[], T]:
            self._factories[name] = factory
            return factory

        return decorator

    def get(self, name: str) -> T:
        if name not in self._cache:
            try:
                factory = self._factories[name]
            except KeyError:
                known = ", ".join(sorted(self._factories)) or "none"
                raise UnknownName(f"unknown {self.kind} {name!r} (known: {known})") from None
            self._cache[name] = factory()
        return self._cache[name]

    def names(self) -> list[str]:
        return sorted(self._factories)

    def __contains__(self, name: object) -> bool:
        return name in self._factories
