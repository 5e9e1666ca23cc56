"""Code extraction from model replies."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from grader.extract import extract_code

CODE = "def update_user_flags(request, repo):\n    return {'code': 0, 'message': 'OK'}\n"


def test_tagged_fence_with_prose_around() -> None:
    reply = f"Here is the function:\n\n```python\n{CODE}```\n\nIt validates nothing yet."
    result = extract_code(reply, "python", "update_user_flags")
    assert result.code == CODE
    assert result.language == "python"
    assert result.blocks_found == 1


def test_untagged_fence() -> None:
    result = extract_code(f"```\n{CODE}```", "python", "update_user_flags")
    assert result.code == CODE
    assert result.language is None


def test_several_blocks_pick_the_one_defining_the_entry_point() -> None:
    usage = "```python\nprint(update_user_flags({}, repo))\nprint('a much longer usage example line')\n```"
    shell = "```bash\npip install nothing\n```"
    reply = f"Install:\n{shell}\nCode:\n```python\n{CODE}```\nUse it:\n{usage}"
    result = extract_code(reply, "python", "update_user_flags")
    assert result.code == CODE
    assert result.blocks_found == 3
    assert "defines update_user_flags" in result.reason


def test_tilde_fence_and_unterminated_last_block() -> None:
    assert extract_code(f"~~~py\n{CODE}~~~", "python", "update_user_flags").code == CODE
    cut = f"Sure!\n```python\n{CODE}"  # the model ran out of tokens before closing the fence
    assert extract_code(cut, "python", "update_user_flags").code == CODE


def test_reply_that_is_bare_code_with_leading_prose() -> None:
    reply = "Sure, here you go.\n" + CODE
    assert extract_code(reply, "python", "update_user_flags").code == CODE


def test_other_languages_entry_points() -> None:
    java = "```java\npublic class S {\n  public static Map<String,Object> updateUserFlags(Map r, Repo repo) { return null; }\n}\n```"
    go = "```go\npackage main\nfunc UpdateUserFlags(req map[string]any, repo Repo) Result { return Result{} }\n```"
    js = "```js\nconst updateUserFlags = async (request, repo) => ({ code: 0 });\n```"
    for reply, lang, name in (
        (java, "java", "updateUserFlags"),
        (go, "go", "UpdateUserFlags"),
        (js, "javascript", "updateUserFlags"),
    ):
        two = "```text\nnot code\n```\n" + reply
        assert name in (extract_code(two, lang, name).code or "")


def test_reply_with_no_code_gives_none_with_a_reason() -> None:
    result = extract_code("I cannot help with that request.", "python", "update_user_flags")
    assert result.code is None
    assert "no fenced code block" in result.reason
    assert extract_code("", "python", "update_user_flags").code is None


@given(st.text(max_size=400))
def test_any_text_extracts_without_raising(reply: str) -> None:
    result = extract_code(reply, "python", "update_user_flags")
    assert result.code is None or result.code.strip()
