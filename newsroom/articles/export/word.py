"""An update as a Word document (.docx), written with python-docx."""

from html.parser import HTMLParser
from io import BytesIO

from django.utils import translation
from django.utils.translation import gettext as _

from .labels import labels

HEADING_LEVELS = {"h2": 2, "h3": 3, "h4": 4}
INLINE = {"strong": "bold", "b": "bold", "em": "italic", "i": "italic", "code": "code"}


class _BodyWriter(HTMLParser):
    """Writes the sanitised body HTML (see ``rendering.py``) as Word paragraphs."""

    def __init__(self, document):
        super().__init__(convert_charrefs=True)
        self.document = document
        self.paragraph = None
        self.lists = []  # "ul" / "ol" stack
        self.inline = []
        self.link = None

    def _start(self, style=None):
        self.paragraph = self.document.add_paragraph(style=style)

    def handle_starttag(self, tag, attrs):
        if tag in HEADING_LEVELS:
            self.paragraph = self.document.add_heading(level=HEADING_LEVELS[tag])
        elif tag == "p" and not self.lists:
            self._start()
        elif tag in ("ul", "ol"):
            self.lists.append(tag)
        elif tag == "li":
            kind = self.lists[-1] if self.lists else "ul"
            self._start("List Number" if kind == "ol" else "List Bullet")
        elif tag == "blockquote":
            self._start("Quote")
        elif tag == "pre":
            self._start()
            self.inline.append("code")
        elif tag == "tr":
            self._start()
        elif tag in ("td", "th") and self.paragraph is not None and self.paragraph.text:
            self.paragraph.add_run(" | ")
        elif tag == "br" and self.paragraph is not None:
            self.paragraph.add_run().add_break()
        elif tag in INLINE:
            self.inline.append(INLINE[tag])
        elif tag == "a":
            self.link = dict(attrs).get("href") or ""

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag in INLINE or tag == "pre":
            if self.inline:
                self.inline.pop()
        elif tag == "a":
            if self.link and self.paragraph is not None:
                self.paragraph.add_run(f" ({self.link})")
            self.link = None
        if tag in ("p", "li", "pre", "blockquote", "tr", *HEADING_LEVELS):
            self.paragraph = None

    def handle_data(self, data):
        if self.paragraph is None:
            if not data.strip():
                return
            self._start()
        run = self.paragraph.add_run(data)
        run.bold = "bold" in self.inline or None
        run.italic = "italic" in self.inline or None
        if "code" in self.inline:
            run.font.name = "Courier New"


def build_docx(doc):
    """The .docx bytes for an ``ExportDocument``."""
    from docx import Document

    word = Document()
    word.core_properties.title = doc.title
    word.core_properties.language = doc.content_lang
    with translation.override(doc.lang):
        text = labels(doc)
        if doc.relevance:
            word.add_paragraph().add_run(doc.relevance).italic = True
        word.add_heading(doc.title, level=0)
        if text["meta"]:
            word.add_paragraph(text["meta"])
        for notice in text["notices"]:
            word.add_paragraph().add_run(notice).italic = True
        if doc.signals:
            word.add_heading(_("Quick editorial signal"), level=2)
            for signal in doc.signals:
                word.add_paragraph(signal, style="List Bullet")
        if doc.summary:
            word.add_paragraph().add_run(doc.summary).bold = True
            if doc.summary_machine_assisted:
                word.add_paragraph().add_run(text["summary_disclosure"]).italic = True
        _BodyWriter(word).feed(doc.body_html)
        if doc.corrections:
            word.add_heading(_("Corrections"), level=2)
            for line in text["corrections"]:
                word.add_paragraph(line, style="List Bullet")
        if text["attribution"]:
            word.add_heading(_("Source"), level=2)
            for line in text["attribution"]:
                word.add_paragraph(line)
        word.add_paragraph(text["from_url"])
    out = BytesIO()
    word.save(out)
    return out.getvalue()
