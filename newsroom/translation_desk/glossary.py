"""The newsroom's own terms for machine translation: tag and topic names in both languages.

A tag called "agents" in English and "agenten" in Dutch should come out of a machine
translation as the newsroom names it. Names that are the same in both languages
("OpenAI", "Claude") are kept too: they tell the translator to leave them alone.
"""

from newsroom.articles.models import Tag, Topic

# DeepL refuses glossary entries with tabs, line breaks or surrounding spaces.
_BAD = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


def entries(source, target):
    """``{source name: target name}`` for every tag and topic named in both languages."""
    found = {}
    for model in (Topic, Tag):
        for names in model.objects.values_list(f"name_{source}", f"name_{target}"):
            term, translation = (" ".join((name or "").translate(_BAD).split()) for name in names)
            if term and translation:
                found.setdefault(term, translation)
    return found
