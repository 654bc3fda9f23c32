"""Reading one YAML table safely: no tags, no aliases, bounded size, strict UTF-8."""

from __future__ import annotations

from pathlib import Path

import yaml

from .problems import Problem

MAX_FILE_BYTES = 5 * 1024 * 1024  # the real tables are a few hundred kB

try:
    _BaseLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class _StrictLoader(_BaseLoader):
    """SafeLoader (no tags) that also refuses repeated keys; aliases are refused by _refuse_aliases."""


def _refuse_aliases(root) -> None:
    """An alias makes two places in the tree share one node. Refusing any shared node closes
    the 'billion laughs' door before anything is constructed, whichever parser built the tree."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            raise yaml.composer.ComposerError(None, None, "anchors and aliases (&, *) are not allowed in data files", node.start_mark)
        seen.add(id(node))
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))


def _construct_mapping(self, node, deep=False):
    """Refuse a key given twice: PyYAML would silently keep the last value and lose the first."""
    seen = set()
    for key_node, _ in node.value:
        key = self.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"key '{key}' appears twice in one record (the first value would be lost)", key_node.start_mark
            )
        seen.add(key)
    return _BaseLoader.construct_mapping(self, node, deep=deep)


_StrictLoader.construct_mapping = _construct_mapping


def read_document(path: Path, display: str):
    """The file's top-level YAML node and document, or the problems that stop it.

    Every data file goes through here: bounded size, strict UTF-8, no tags, no aliases,
    no repeated keys, and a syntax error named by line and column.
    """
    if not path.exists():
        return None, None, [Problem(display, "-", "-", "file is missing")]
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, None, [Problem(display, "-", "-", f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, None, [Problem(display, "-", "-", f"line {line}: bytes are not UTF-8 ({err.reason} at byte {err.start})")]
    if not text.strip():
        return None, None, [Problem(display, "-", "-", "file is empty")]
    try:
        loader = _StrictLoader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                _refuse_aliases(node)
            document = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        return None, None, [Problem(display, "-", "-", f"YAML syntax error: {where}{err.problem or err.context}")]
    except yaml.YAMLError as err:
        return None, None, [Problem(display, "-", "-", f"YAML error: {err}")]
    if document is None:
        return None, None, [Problem(display, "-", "-", "file is empty (only comments or blank lines)")]
    return node, document, []


def read_table(path: Path, display: str) -> tuple[list[tuple[dict, int]], list[Problem]]:
    """Return the file's records with their line numbers, or the problems that stop it.

    A table file is a mapping with a `records:` list (other keys are its metadata).
    """
    node, document, problems = read_document(path, display)
    if problems:
        return [], problems
    if not isinstance(document, dict) or "records" not in document:
        return [], [Problem(display, "-", "-", "expected a mapping with a 'records:' list")]
    records = document["records"] or []
    if not isinstance(records, list):
        return [], [Problem(display, "-", "records", "expected a list of records")]
    lines = _record_lines(node)
    return [(record, lines[i] if i < len(lines) else 0) for i, record in enumerate(records)], []


def _record_lines(node) -> list[int]:
    for key, value in node.value:
        if key.value == "records" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []
