"""Markdown through a machine translator and back, with its markup intact.

Bodies are Markdown, and a translator that sees ``**`` or ``[text](url)`` as words may
move, translate or drop them. So the markup never reaches it as text:

- Block structure stays here. The body is split into lines; a line's block prefix
  (``## ``, ``- ``, ``1. ``, ``> ``) is kept aside, and fenced code, indented code,
  tables, raw HTML, rules and blank lines are not sent at all.
- Inline markup becomes XML the provider handles as tags (DeepL ``tag_handling="xml"``):
  ``**strong**`` → ``<b>``, ``*em*`` → ``<i>``, ``[text](url)`` → ``<a i="n">text</a>``
  (the URL stays here), and code spans, images and autolinks become ``<x i="n"/>``
  placeholders, which are never translated.

``to_segments`` gives the texts to translate and a plan; ``from_segments`` puts the
translated texts back into the plan and turns the tags back into Markdown.
"""

import html
import re
from dataclasses import dataclass, field

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_VERBATIM = re.compile(r"^(\s*$|\s{4,}|\t|\s*\||\s*<|\s*([-*_]\s*){3,}$)")
_PREFIX = re.compile(r"^(\s*(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,9}[.)]\s+)*)(.*)$")

_INLINE = re.compile(
    r"(?P<code>`+)(?P<code_text>.+?)(?P=code)"
    r"|(?P<image>!\[[^\]]*\]\([^)]*\))"
    r"|(?P<autolink><(?:https?://|mailto:)[^>\s]+>)"
    r"|\[(?P<link_text>[^\]]+)\]\((?P<link_target>[^)\s]+(?:\s+\"[^\"]*\")?)\)"
    r"|(?P<strong>\*\*|__)(?P<strong_text>.+?)(?P=strong)"
    r"|(?<![\w*])\*(?P<em_star>[^*\s](?:[^*]*[^*\s])?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<em_line>[^_\s](?:[^_]*[^_\s])?)_(?![\w_])"
)
_TAG = re.compile(r'<(?P<close>/?)(?P<name>[abix])(?: i="(?P<i>\d+)")?\s*(?P<empty>/?)>')


@dataclass
class Plan:
    """The body with holes: ``lines`` are verbatim strings or ``(prefix, segment index)``."""

    lines: list = field(default_factory=list)
    kept: list = field(default_factory=list)  # markup kept aside, by tag index


def to_segments(markdown_text):
    """``(texts, plan)``: the XML texts to translate, and how to put them back."""
    plan, texts = Plan(), []
    in_fence = False
    for line in (markdown_text or "").split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            plan.lines.append(line)
            continue
        if in_fence or _VERBATIM.match(line):
            plan.lines.append(line)
            continue
        prefix, rest = _PREFIX.match(line).groups()
        if not rest.strip():
            plan.lines.append(line)
            continue
        plan.lines.append((prefix, len(texts)))
        texts.append(_inline_to_xml(rest, plan.kept))
    return texts, plan


def from_segments(translated, plan):
    """The Markdown body from the translated ``texts`` and the ``plan`` they came from."""
    lines = []
    for line in plan.lines:
        if isinstance(line, str):
            lines.append(line)
        else:
            prefix, index = line
            lines.append(prefix + _xml_to_inline(translated[index], plan.kept))
    return "\n".join(lines)


def _inline_to_xml(text, kept):
    parts, pos = [], 0
    for match in _INLINE.finditer(text):
        parts.append(_escape(text[pos : match.start()]))
        pos = match.end()
        groups = match.groupdict()
        if groups["code"] or groups["image"] or groups["autolink"]:
            kept.append(match.group(0))
            parts.append(f'<x i="{len(kept) - 1}"/>')
        elif groups["link_text"] is not None:
            kept.append(groups["link_target"])
            index = len(kept) - 1
            parts.append(f'<a i="{index}">{_inline_to_xml(groups["link_text"], kept)}</a>')
        elif groups["strong"]:
            parts.append(f"<b>{_inline_to_xml(groups['strong_text'], kept)}</b>")
        else:
            inner = groups["em_star"] or groups["em_line"]
            parts.append(f"<i>{_inline_to_xml(inner, kept)}</i>")
    parts.append(_escape(text[pos:]))
    return "".join(parts)


def _xml_to_inline(xml, kept):
    parts, pos, links = [], 0, []
    for match in _TAG.finditer(xml):
        parts.append(html.unescape(xml[pos : match.start()]))
        pos = match.end()
        name, closing, index = match["name"], bool(match["close"]), match["i"]
        if name == "x":
            if not closing and index is not None and int(index) < len(kept):
                parts.append(kept[int(index)])
        elif name == "b":
            parts.append("**")
        elif name == "i":
            parts.append("*")
        elif closing:  # </a>
            target = links.pop() if links else None
            parts.append(f"]({target})" if target else "")
        else:
            target = kept[int(index)] if index is not None and int(index) < len(kept) else None
            links.append(target)
            parts.append("[" if target else "")
    parts.append(html.unescape(xml[pos:]))
    return "".join(parts)


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
