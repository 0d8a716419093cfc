"""Machine suggestions for desk fields: one provider call for the plain texts and one
for the Markdown ones (the body), in the order the fields were given."""


def suggest(provider, article, fields):
    """The provider's translations of ``fields``' source texts; raises ``ProviderError``."""
    source, target = article.source_language, article.target_language
    plain = [field for field in fields if not field.markdown]
    marked = [field for field in fields if field.markdown]
    texts = {}
    if plain:
        done = provider.translate([f.source for f in plain], source=source, target=target)
        texts.update(zip((f.key for f in plain), done, strict=True))
    if marked:
        done = provider.translate(
            [f.source for f in marked], source=source, target=target, markdown=True
        )
        texts.update(zip((f.key for f in marked), done, strict=True))
    return [texts[field.key] for field in fields]
