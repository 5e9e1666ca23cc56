"""Model reply text -> the code to grade. Pure: no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass

from grader.languages import LANGUAGES
from grader.types import Extraction

FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})[ \t]*(?P<tag>[\w+#.-]*)[^\n]*\n", re.MULTILINE)

# A line that starts code in a reply with no fences.
CODE_START = re.compile(
    r"^(import |from \S+ import |def |async def |class |function |const |let |var |export |"
    r"package |public |private |protected |internal |static |using |namespace |func |type |"
    r"@|#include|//|/\*|\"\"\"|interface )"
)


@dataclass
class _Block:
    tag: str
    code: str
    closed: bool


def extract_code(reply: str, language: str, entry_point: str) -> Extraction:
    """Pick the code to grade from a reply.

    Fenced blocks win; among several, the one that defines ``entry_point`` (then the one
    tagged with the task's language, then the longest). With no fence, a reply that itself
    defines the entry point is taken from its first code-looking line. Otherwise no code.
    """
    blocks = _fenced_blocks(reply)
    if blocks:
        chosen, reason = _choose(blocks, language, entry_point)
        return Extraction(
            code=chosen.code, language=chosen.tag or None, blocks_found=len(blocks), reason=reason
        )
    if _defines(reply, entry_point):
        code = _strip_prose(reply)
        if code:
            return Extraction(
                code=code, blocks_found=0, reason="no fenced block; the reply itself is code"
            )
    return Extraction(
        code=None,
        blocks_found=0,
        reason=f"no fenced code block and no definition of {entry_point} in the reply",
    )


def _fenced_blocks(reply: str) -> list[_Block]:
    blocks: list[_Block] = []
    position = 0
    while True:
        opening = FENCE.search(reply, position)
        if opening is None:
            break
        fence = opening.group("fence")
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$", re.MULTILINE)
        end = closing.search(reply, opening.end())
        if end is None:  # an unterminated last block (the model ran out of tokens)
            body, closed, position = reply[opening.end() :], False, len(reply)
        else:
            body, closed, position = reply[opening.end() : end.start()], True, end.end()
        if body.strip():
            blocks.append(
                _Block(tag=opening.group("tag").lower(), code=body.rstrip() + "\n", closed=closed)
            )
    return blocks


def _choose(blocks: list[_Block], language: str, entry_point: str) -> tuple[_Block, str]:
    spec = LANGUAGES.get(language)
    tags = spec.fence_tags if spec else {language}
    defining = [b for b in blocks if _defines(b.code, entry_point)]
    if len(blocks) == 1:
        return blocks[0], "the reply's only code block"
    if defining:
        tagged = [b for b in defining if b.tag in tags] or defining
        return max(tagged, key=lambda b: len(b.code)), f"the block that defines {entry_point}"
    tagged = [b for b in blocks if b.tag in tags] or blocks
    return max(
        tagged, key=lambda b: len(b.code)
    ), "the longest code block (none defines the entry point)"


# Where a name is defined, the name as group ``name``: compiled once, not once per entry
# point. What follows the name is a lookahead, so a match never swallows the next one.
_DEFINITIONS = tuple(
    re.compile(pattern)
    for pattern in (
        r"\bdef\s+(?P<name>[\w$]+)(?=\s*\()",  # python
        r"\bfunction\s*\*?\s*(?P<name>[\w$]+)(?=\s*[(<])",  # js/ts
        r"\b(?:const|let|var)\s+(?P<name>[\w$]+)(?=\s*(?::[^=]+)?=)",  # js/ts arrow or expression
        r"\bfunc\s+(?:\([^)]*\)\s*)?(?P<name>[\w$]+)(?=\s*[(\[])",  # go
        r"\b(?:class|interface|struct)\s+(?P<name>[\w$]+)",  # java/c# class as entry point
        r"[\w>\]]\s+(?P<name>[\w$]+)(?=\s*\()",  # java/c# method: return type then name
        r"\b(?P<name>[\w$]+)(?=\s*\([^)]*\)\s*(?::\s*[\w<>\[\]|, ]+)?\s*\{)",  # ts/js method shorthand
    )
)


def _defines(code: str, entry_point: str) -> bool:
    if entry_point not in code:
        return False
    return any(
        match.group("name") == entry_point
        for pattern in _DEFINITIONS
        for match in pattern.finditer(code)
    )


def _strip_prose(reply: str) -> str:
    lines = reply.splitlines()
    for i, line in enumerate(lines):
        if CODE_START.match(line):
            return "\n".join(lines[i:]).rstrip() + "\n"
    return ""
