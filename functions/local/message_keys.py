"""A Babel extraction method for the catalogues' keys: the members of one enum class.

The catalogues (``functions/locale/``) are keyed by stable names (``SmsTemplate.RECORD_OPENED``,
``ErrorCode.NOT_FOUND``), not by English sentences, so rewording the English does not orphan every
translation and the code holds no text at all. Babel's own Python extractor finds ``_("...")`` calls,
which this code does not have; this method reads the enum's members from the source instead (no import,
so it runs on any file), with the enum's name and the translators' note taken from the mapping file
(``functions/locale/*.cfg``):

    [functions.local.message_keys.extract_enum_members: functions/domain/sms.py]
    enum = SmsTemplate
    note = Keep the {placeholders} as they are.
"""

from __future__ import annotations

import ast
from collections.abc import Collection, Iterator, Mapping
from typing import IO

__all__ = ["extract_enum_members"]


def extract_enum_members(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, str],
) -> Iterator[tuple[int, None, str, list[str]]]:
    """Babel's extraction signature: ``(line, function name, message, comments)`` for each member."""
    tree = ast.parse(fileobj.read())
    note = [options["note"]] if options.get("note") else []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and node.name == options["enum"]:
            for statement in node.body:
                if isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name):
                    yield statement.lineno, None, statement.targets[0].id, note
