"""Plain data between the trusted test process and the untrusted solution process.

Standard library only; it must not import ``grader``. The Python runner splits each sample
in two: the solution runs alone in its own process (``serve``: a fork of a clean
``python -s -S`` template that never saw a job, or a fresh one, in a mount namespace that
holds only the solution and its support files), the tests run in the trusted process, where
``solution`` is a ``proxy_module`` whose callables send their arguments across a socket and
get the result back.

Only plain data crosses (marshal, which builds nothing but exact builtin types):
``None``/``bool``/``int``/``float``/``complex``/``str``/``bytes``, lists, dicts, tuples,
sets, and a few value types (``Decimal``, ``date``, ``datetime``, ``time``, ``timedelta``)
by value. Anything else travels as a handle: the peer gets a ``Handle`` whose attribute
reads, calls and a few operators are served by the side that owns the object, and whose
``==`` is identity. Whatever the solution's process sends, the trusted side decodes it into
exact builtin types or handles, so an overridden ``__eq__`` never takes part in a test's
comparison. Exceptions cross as (class name, builtin base, arguments) and are raised again
as an equivalent exception.
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys
import types

TYPE_CHECKING = False  # typing, decimal, datetime, collections: imported when needed, so the
if TYPE_CHECKING:  # solution's fresh interpreter starts in a few ms
    from typing import Any

_SCALARS = frozenset({type(None), bool, int, float, complex, str, bytes})
# Value types that cross by value: (module, name) -> how to write them as plain data.
_VALUE_TYPES = {
    ("decimal", "Decimal"): str,
    ("datetime", "date"): lambda value: value.isoformat(),
    ("datetime", "datetime"): lambda value: value.isoformat(),
    ("datetime", "time"): lambda value: value.isoformat(),
    ("datetime", "timedelta"): lambda value: (value.days, value.seconds, value.microseconds),
}


def _value_type(name: str) -> type:
    if name == "Decimal":
        import decimal  # noqa: PLC0415

        return decimal.Decimal
    import datetime  # noqa: PLC0415

    return {"date": datetime.date, "datetime": datetime.datetime, "time": datetime.time}[name]


_COMPARISONS = frozenset(
    {"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__", "__cmp__"}
)
_PLAIN_BASES: tuple[type, ...] = (
    bool,
    int,
    float,
    complex,
    str,
    bytes,
    list,
    tuple,
    dict,
    set,
    frozenset,
)
# Operators a handle forwards (the owner applies them with the object's type's own method).
_OPS = frozenset(
    {
        "__getitem__",
        "__setitem__",
        "__delitem__",
        "__len__",
        "__iter__",
        "__next__",
        "__contains__",
        "__bool__",
        "__repr__",
        "__str__",
        "__enter__",
        "__exit__",
    }
)
MAX_DEPTH = 200
_HEADER = 8


class SolutionBroke(BaseException):
    """The solution's process stopped answering, or raised something that is not an
    ``Exception`` (``SystemExit``, ``KeyboardInterrupt``...): the test fails, and nothing
    the solution does can make the test runner stop or skip."""


class NotPlainData(BaseException):
    """The solution returned an object that is not plain data (a subclass of ``list``,
    ``str``... that overrides comparisons): a failed case with its own message."""


OWN_ERRORS = (SolutionBroke, NotPlainData)


class Handle:
    """An object that lives in the other process."""

    __slots__ = ("_bridge", "_id", "_type")

    def __init__(self, bridge: Bridge, ident: int, type_name: str) -> None:
        object.__setattr__(self, "_bridge", bridge)
        object.__setattr__(self, "_id", ident)
        object.__setattr__(self, "_type", type_name)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # pytest's and inspect's probes never reach the other side
            raise AttributeError(name)
        return self._bridge.request(("get", self._id, name))

    def __setattr__(self, name: str, value: Any) -> None:
        self._bridge.request(("set", self._id, name, self._bridge.encode(value)))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        bridge = self._bridge
        message = ("call", self._id, bridge.encode(args), bridge.encode(kwargs))
        return bridge.request(message, (args, kwargs) if bridge.trusted else None)

    def _op(self, name: str, *args: Any) -> Any:
        return self._bridge.request(("op", self._id, name, self._bridge.encode(args)))

    def __eq__(self, other: object) -> bool:
        return self is other

    def __ne__(self, other: object) -> bool:
        return self is not other

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return f"<{self._type} object in the solution's process>"

    def __getitem__(self, key: Any) -> Any:
        return self._op("__getitem__", key)

    def __setitem__(self, key: Any, value: Any) -> None:
        self._op("__setitem__", key, value)

    def __delitem__(self, key: Any) -> None:
        self._op("__delitem__", key)

    def __len__(self) -> int:
        value = self._op("__len__")
        if type(value) is not int:
            raise TypeError("__len__ did not return an int")
        return value

    def __iter__(self) -> Any:
        return self._op("__iter__")

    def __next__(self) -> Any:
        return self._op("__next__")

    def __contains__(self, item: Any) -> bool:
        return self._op("__contains__", item) is True

    def __bool__(self) -> bool:
        return self._op("__bool__") is True

    def __enter__(self) -> Any:
        return self._op("__enter__")

    def __exit__(self, *exc: Any) -> Any:
        return self._op("__exit__", None, None, None)


def _qualname(kind: type) -> str:
    return f"{getattr(kind, '__module__', '?')}.{getattr(kind, '__qualname__', kind.__name__)}"


def _plain_base(kind: type) -> type | None:
    for base in kind.__mro__:
        if base in _PLAIN_BASES:
            return base
    return None


def _overrides_comparison(kind: type, base: type) -> bool:
    for cls in kind.__mro__:
        if cls is base:
            return False
        if _COMPARISONS & set(vars(cls)) and cls.__module__ not in sys.stdlib_module_names:
            return True
    return False


def _by_value(obj: Any, base: type) -> Any:
    """A plain copy of a harmless subclass (OrderedDict, a namedtuple...), read through the
    builtin base's own methods, never the subclass's."""
    if base is list:
        return list.copy(obj)
    if base is dict:
        return dict.copy(obj)
    if base in (tuple, set, frozenset):
        return base(base.__iter__(obj))
    if base is str:
        return str.__str__(obj)
    if base is bool:
        return bool(int.__index__(obj))
    if base is int:
        return int.__index__(obj)
    if base is float:
        return float.__float__(obj)
    if base is complex:
        return complex(obj.real, obj.imag)
    raise TypeError(base.__name__)


class Bridge:
    """One end of the socket: encodes, decodes, and serves the peer's requests."""

    def __init__(self, fd: int, *, trusted: bool) -> None:
        self.fd = fd
        self.trusted = trusted
        self.exported: dict[int, Any] = {}  # my objects the peer holds handles to
        self._export_ids: dict[int, int] = {}  # id(obj) -> handle id
        self.proxies: dict[int, Handle] = {}
        self.exc_classes: dict[str, type] = {}
        self._tuples: dict[tuple[str, tuple[str, ...]], type] = {}
        self.broken: str | None = None
        self._read, self._write, self._dumps, self._loads = (
            os.read,
            os.write,
            marshal.dumps,
            marshal.loads,
        )

    # ----------------------------------------------------------------- wire

    def _send(self, message: tuple) -> None:
        data = self._dumps(message)
        view = memoryview(len(data).to_bytes(_HEADER, "little") + data)
        while view:
            view = view[self._write(self.fd, view) :]

    def _recv_exact(self, size: int) -> bytes:
        chunks, left = [], size
        while left:
            chunk = self._read(self.fd, min(left, 1 << 20))
            if not chunk:
                raise EOFError
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)

    def _recv(self) -> tuple:
        size = int.from_bytes(self._recv_exact(_HEADER), "little")
        if size > 256 << 20:
            raise ValueError("message too large")
        message = self._loads(self._recv_exact(size))
        if type(message) is not tuple or not message or type(message[0]) is not str:
            raise ValueError("not a message")
        return message

    def request(self, message: tuple, originals: tuple | None = None) -> Any:
        """Send a request; serve the peer's own requests until the answer comes. For a call,
        ``originals`` (the arguments) get the changes the call made to its copies."""
        if self.broken:
            raise SolutionBroke(self.broken)
        try:
            self._send(message)
            reply = self._recv()
            while reply[0] not in ("ret", "exc"):
                self._send(self.serve_one(reply))
                reply = self._recv()
            if reply[0] == "exc":
                error = self._exception(reply[1])
            else:
                value = self.decode(reply[1])
                if originals is not None and len(reply) == 3:
                    _sync(originals, self.decode(reply[2]))
        except (OSError, EOFError, ValueError, TypeError, KeyError, IndexError) as problem:
            why = "exited" if isinstance(problem, EOFError) else "broke the protocol"
            self.broken = f"the solution's process {why} ({type(problem).__name__})"
            raise SolutionBroke(self.broken) from None
        if reply[0] == "exc":
            raise error
        return value

    def serve_forever(self) -> None:
        while True:
            try:
                message = self._recv()
            except EOFError:
                return
            self._send(self.serve_one(message))

    # ----------------------------------------------------------------- encoding

    def export(self, obj: Any) -> int:
        ident = self._export_ids.get(id(obj))
        if ident is None or self.exported.get(ident) is not obj:
            ident = len(self.exported) + 1
            self.exported[ident] = obj
            self._export_ids[id(obj)] = ident
        return ident

    def encode(self, obj: Any, depth: int = 0) -> Any:
        kind = type(obj)
        if kind in _SCALARS:
            return obj
        if depth > MAX_DEPTH:
            raise ValueError("data nested too deeply to pass between processes")
        depth += 1
        if kind is list:
            return [self.encode(item, depth) for item in obj]
        if kind is dict:
            return {self.encode(k, depth): self.encode(v, depth) for k, v in obj.items()}
        if kind is tuple:
            return ("t", tuple(self.encode(item, depth) for item in obj))
        if kind is set or kind is frozenset:
            return ("s" if kind is set else "f", tuple(self.encode(item, depth) for item in obj))
        if kind is Handle and obj._bridge is self:
            return ("r", obj._id)
        write = _VALUE_TYPES.get((kind.__module__, kind.__name__))
        home = sys.modules.get(kind.__module__)
        if write is not None and getattr(home, kind.__name__, None) is kind:
            return ("v", kind.__name__, write(obj))
        if isinstance(obj, type) and issubclass(obj, BaseException):
            return ("c", _qualname(obj), self._builtin_base(obj))
        if isinstance(obj, types.ModuleType):
            return ("m", obj.__name__)
        base = _plain_base(kind)
        fields = getattr(kind, "_fields", None)
        if base is tuple and isinstance(fields, tuple) and not _overrides_comparison(kind, base):
            items = tuple(self.encode(item, depth) for item in tuple.__iter__(obj))
            return ("n", kind.__name__, tuple(str(f) for f in fields), items)  # a namedtuple
        if base is not None:
            if base is bytes or _overrides_comparison(kind, base):
                return ("x", kind.__qualname__, base.__name__)
            return self.encode(_by_value(obj, base), depth)
        return ("h", self.export(obj), getattr(kind, "__qualname__", "object"))

    def decode(self, data: Any) -> Any:
        kind = type(data)
        if kind in _SCALARS:
            return data
        if kind is list:
            return [self.decode(item) for item in data]
        if kind is dict:
            return {self.decode(k): self.decode(v) for k, v in data.items()}
        if kind is not tuple or not data or type(data[0]) is not str:
            raise TypeError(f"not plain data: {kind.__name__}")
        tag = data[0]
        if tag == "t":
            return tuple(self.decode(item) for item in data[1])
        if tag in ("s", "f"):
            items = (self.decode(item) for item in data[1])
            return set(items) if tag == "s" else frozenset(items)
        if tag == "r":
            return self.exported[data[1]]
        if tag == "h":
            ident = data[1]
            if type(ident) is not int:
                raise TypeError("bad handle")
            proxy = self.proxies.get(ident)
            if proxy is None:
                proxy = self.proxies[ident] = Handle(self, ident, str(data[2]))
            return proxy
        if tag == "v":
            name, state = data[1], data[2]
            if name == "timedelta":
                import datetime  # noqa: PLC0415

                return datetime.timedelta(*(int(part) for part in state))
            if name == "Decimal":
                return _value_type(name)(str(state))
            return _value_type(name).fromisoformat(str(state))
        if tag == "n":
            key = (str(data[1]), tuple(str(field) for field in data[2]))
            made = self._tuples.get(key)
            if made is None:
                import collections  # noqa: PLC0415

                made = self._tuples[key] = collections.namedtuple(*key)  # type: ignore[misc]
            return made(*(self.decode(item) for item in data[3]))
        if tag == "c":
            return self._exception_class(str(data[1]), str(data[2]))
        if tag == "m":
            return self._module(str(data[1]))
        if tag == "x":
            raise NotPlainData(
                f"returned an object of type {data[1]} (a subclass of {data[2]} that overrides "
                f"its comparisons) instead of a plain {data[2]}"
            )
        raise TypeError(f"unknown tag {tag!r}")

    def _module(self, name: str) -> Any:
        """A module the solution imported: the trusted side's own copy, never new code."""
        if name in sys.modules or name.partition(".")[0] in sys.stdlib_module_names:
            __import__(name)
            return sys.modules[name]
        return None

    # ----------------------------------------------------------------- exceptions

    @staticmethod
    def _builtin_base(kind: type) -> str:
        for base in kind.__mro__:
            if getattr(builtins, base.__name__, None) is base:
                return base.__name__
        return "Exception"

    def _exception_class(self, qualname: str, base_name: str) -> type:
        """The class an exception from the other process is raised as here: the builtin
        itself, or one made once per name on the builtin it derives from."""
        module, _, name = qualname.rpartition(".")
        base = getattr(builtins, base_name, None)
        if not (isinstance(base, type) and issubclass(base, BaseException)):
            base = Exception
        if module == "builtins":
            return base
        if module.partition(".")[0] in sys.stdlib_module_names:
            with _suppress():
                __import__(module)
                found = sys.modules[module]
                for part in name.split("."):
                    found = getattr(found, part)
                if isinstance(found, type) and issubclass(found, BaseException):
                    return found  # sqlite3.OperationalError stays itself
        made = self.exc_classes.get(qualname)
        if made is None:
            if self.trusted and not issubclass(base, Exception):
                base = SolutionBroke
            made = type(name.rpartition(".")[2] or "Error", (base,), {"__module__": module})
            self.exc_classes[qualname] = made
        return made

    def _encode_exception(self, error: BaseException) -> tuple:
        kind = type(error)
        try:
            args = self.encode(error.args)
        except Exception:  # noqa: BLE001
            args = ("t", (str(error),))
        data = ("e", _qualname(kind), self._builtin_base(kind), args, self.export(error))
        return data if self.trusted else (*data, _where(error))

    def _exception(self, data: Any) -> BaseException:
        if type(data) is tuple and len(data) in (2, 3) and data[0] == "r":
            error = self.exported[data[1]]  # one of ours, coming back: raise the original
            if isinstance(error, BaseException):
                if len(data) == 3 and self.trusted and _is_where(data[2]):
                    with _suppress():
                        error._bridge_passed = data[2]  # the solution's line it came through
                return error
        if type(data) is not tuple or len(data) not in (5, 6) or data[0] != "e":
            raise TypeError("bad exception")
        kind = self._exception_class(str(data[1]), str(data[2]))
        if self.trusted and not issubclass(kind, Exception):
            return SolutionBroke(f"the solution raised {str(data[1]).rpartition('.')[2]}")
        try:
            args = self.decode(data[3])
            error = kind(*args) if type(args) is tuple else kind(str(args))
        except Exception:  # noqa: BLE001
            error = kind(str(data[3]))
        with _suppress():
            error._bridge_origin = data[4]
            where = data[5] if len(data) == 6 else None
            if _is_where(where):
                error._bridge_where = where  # the solution's own line it was raised at
        return error

    # ----------------------------------------------------------------- serving

    def serve_one(self, message: tuple) -> tuple:
        try:
            if message[0] == "call" and not self.trusted:
                args, kwargs = self.decode(message[2]), self.decode(message[3])
                value = self.exported[message[1]](*args, **kwargs)
                # The arguments as the call left them: the tests see in-place changes.
                return ("ret", self.encode(value), self.encode((args, kwargs)))
            return ("ret", self.encode(self._serve(message)))
        except BaseException as error:  # noqa: BLE001  (crosses as data, never stops us)
            origin = getattr(error, "_bridge_origin", None)
            if type(origin) is int:  # the peer's own exception, going back (from which line)
                return ("exc", ("r", origin) if self.trusted else ("r", origin, _where(error)))
            try:
                return ("exc", self._encode_exception(error))
            except BaseException:  # noqa: BLE001
                return ("exc", ("e", "builtins.RuntimeError", "RuntimeError", ("t", ()), 0))

    def _serve(self, message: tuple) -> Any:
        kind = message[0]
        if kind == "load" and not self.trusted:
            return self._load(str(message[1]))
        target = self.exported[message[1]]
        if kind == "call":
            return target(*self.decode(message[2]), **self.decode(message[3]))
        if kind in ("get", "set"):
            name = str(message[2])
            if self.trusted and name.startswith("_"):
                raise AttributeError(f"{name}: private attributes of the tests' objects")
            if kind == "get":
                return getattr(target, name)
            return setattr(target, name, self.decode(message[3]))
        if kind == "op" and message[2] in _OPS:
            method = getattr(type(target), message[2])
            args = self.decode(message[3])
            if message[2] == "__iter__":
                return iter(target)
            return method(target, *args)
        raise ValueError(f"unknown request {kind!r}")

    def _load(self, name: str) -> dict:
        module = __import__(name)
        names = getattr(module, "__all__", None)
        manifest: dict[str, Any] = {}
        for key, value in vars(module).items():
            if key.startswith("__") and key != "__all__":
                continue
            manifest[key] = value
        if names is not None:
            manifest["__all__"] = list(names) if isinstance(names, (list, tuple)) else []
        return manifest


_MUTABLE = (list, dict, set)


def _is_where(text: object) -> bool:
    """``solution.py:12`` and nothing else (it comes from the untrusted side)."""
    if type(text) is not str or len(text) > 120 or text.count(":") != 1:
        return False
    name, line = text.split(":")
    return bool(name) and line.isdigit() and all(c.isalnum() or c in "._-" for c in name)


def _where(error: BaseException) -> str | None:
    """``solution.py:12``: the last line of the solution's own files (the work dir, first on
    ``sys.path``) that the error passed through, or None."""
    work = sys.path[0] + os.sep
    where = None
    with _suppress():
        frame = error.__traceback__
        while frame is not None:
            name = frame.tb_frame.f_code.co_filename
            if name.startswith(work):
                where = f"{os.path.basename(name)}:{frame.tb_lineno}"
            frame = frame.tb_next
    return where


def _sync(mine: Any, theirs: Any, depth: int = 0) -> None:
    """Apply, in place, what a call in the other process did to its copies of the caller's
    lists, dicts and sets (``theirs`` is decoded plain data, so this runs no foreign code)."""
    kind = type(mine)
    if depth > MAX_DEPTH or kind is not type(theirs):
        return
    depth += 1
    if kind is tuple:
        for old, new in zip(mine, theirs, strict=False):
            _sync(old, new, depth)
    elif kind is list:
        if len(mine) != len(theirs):
            mine[:] = theirs
            return
        for index, new in enumerate(theirs):
            old = mine[index]
            if type(old) is type(new) and type(new) in _MUTABLE:
                _sync(old, new, depth)
            else:
                mine[index] = new
    elif kind is dict:
        for key in [key for key in mine if key not in theirs]:
            del mine[key]
        for key, new in theirs.items():
            old = mine.get(key)
            if type(old) is type(new) and type(new) in _MUTABLE:
                _sync(old, new, depth)
            else:
                mine[key] = new
    elif kind is set:
        mine.clear()
        mine.update(theirs)


class _suppress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return True


def proxy_module(bridge: Bridge, name: str) -> types.ModuleType:
    """The solution module as the tests see it: its names, each a handle or plain value."""
    manifest = bridge.request(("load", name))
    if type(manifest) is not dict:
        raise SolutionBroke("the solution's process sent no module")
    module = types.ModuleType(name)
    module.__file__ = f"<{name} in the solution's process>"
    for key, value in manifest.items():
        if type(key) is str and value is not None:
            setattr(module, key, value)
    return module


def serve(fd: int, work: str, module: str) -> None:
    """The untrusted process's whole life: answer the trusted side until it hangs up."""
    sys.path.insert(0, work)
    sys.argv = [module]
    bridge = Bridge(fd, trusted=False)
    try:
        bridge.serve_forever()
    finally:
        with _suppress():
            sys.stdout.flush()
        os._exit(0)
