"""Text as the workflow compares and stores it.

Browsers post textarea text with CRLF line endings, editors leave trailing spaces and
paste decomposed accents. None of that is a change: ``normalise()`` is what two texts
are compared on, and what is stored.
"""

import re
import unicodedata

# C0 control characters but tab and newline (CR is turned into a newline first).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def normalise(value):
    """LF line endings, no control characters, no trailing whitespace on any line or at
    the end, Unicode NFC."""
    if not isinstance(value, str):
        return value
    text = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    text = "\n".join(line.rstrip() for line in text.split("\n")).rstrip()
    return unicodedata.normalize("NFC", text)


def same(a, b):
    """Whether two stored values say the same thing (texts compared normalised)."""
    if isinstance(a, str) or isinstance(b, str):
        return normalise(a or "") == normalise(b or "")
    return a == b
