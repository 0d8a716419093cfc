"""Machine suggestions through DeepL (a local stand-in) and the "none" provider."""

import pytest
from django.utils import translation

from newsroom.translation_desk.markup import from_segments, to_segments
from newsroom.translation_desk.providers import NoProvider, ProviderError, get_provider
from tests.articles.factories import make_topic

pytestmark = pytest.mark.django_db


def test_without_a_key_there_is_no_provider_and_it_says_how_to_enable_it():
    provider = get_provider()
    assert isinstance(provider, NoProvider)
    assert not provider.enabled
    with pytest.raises(ProviderError) as error:
        provider.translate(["Hello"], source="en", target="nl")
    assert "DEEPL_AUTH_KEY" in str(error.value.message)


def test_deepl_translates_plain_texts_with_the_key_and_language_codes(fake_deepl):
    texts = get_provider().translate(["Hello", "", "World"], source="en", target="nl")
    assert texts == ["«nl» Hello", "", "«nl» World"]
    (call,) = fake_deepl.translate_calls()
    assert call["text"] == ["Hello", "World"]  # empty texts are not sent
    assert call["source_lang"] == "EN"
    assert call["target_lang"] == "NL"
    headers = fake_deepl.requests[-1][3]
    assert headers["Authorization"] == "DeepL-Auth-Key test-key"


def test_english_as_target_uses_a_variant(fake_deepl):
    get_provider().translate(["Hallo"], source="nl", target="en")
    assert fake_deepl.translate_calls()[0]["target_lang"] == "EN-GB"


def test_markdown_survives_with_xml_tag_handling(fake_deepl):
    body = (
        "## What changed\n\n"
        "Read [the announcement](https://example.com/a_b) and use `claude --help` "
        "with **care** & *speed*.\n\n"
        "- one\n1. two\n\n```\ncode stays **as is**\n```"
    )
    (result,) = get_provider().translate([body], source="en", target="nl", markdown=True)
    assert result == (
        "## «nl» What changed\n\n"
        "«nl» Read [the announcement](https://example.com/a_b) and use `claude --help` "
        "with **care** & *speed*.\n\n"
        "- «nl» one\n1. «nl» two\n\n```\ncode stays **as is**\n```"
    )
    (call,) = fake_deepl.translate_calls()
    assert call["tag_handling"] == "xml"
    assert call["ignore_tags"] == ["x"]
    assert "https://example.com" not in " ".join(call["text"])  # URLs never leave
    assert "claude --help" not in " ".join(call["text"])  # nor code


def test_markup_round_trip_is_lossless():
    body = "# T\n\n> quoted *text* and a ![picture](p.png)\n\n| a | b |\n---\n    indented code"
    texts, plan = to_segments(body)
    assert from_segments(texts, plan) == body


def test_glossary_of_topic_and_tag_names_is_passed_and_reused(fake_deepl):
    make_topic(name_en="coding agents", name_nl="codeeragenten")
    provider = get_provider()
    (text,) = provider.translate(["News about coding agents"], source="en", target="nl")
    assert text == "«nl» News about codeeragenten"
    provider.translate(["More"], source="en", target="nl")
    glossary_calls = [r for r in fake_deepl.requests if r[1] == "/v2/glossaries"]
    assert len(glossary_calls) == 1  # made once, then reused
    assert glossary_calls[0][2]["source_lang"] == "EN"
    assert all(call["glossary_id"] for call in fake_deepl.translate_calls())


def test_a_changed_glossary_replaces_the_old_one(fake_deepl):
    make_topic(name_en="agents", name_nl="agenten")
    provider = get_provider()
    provider.translate(["x"], source="en", target="nl")
    make_topic(name_en="models", name_nl="modellen")
    provider.translate(["y"], source="en", target="nl")
    assert len(fake_deepl.glossaries) == 1
    assert any(r[0] == "DELETE" for r in fake_deepl.requests)


@pytest.mark.parametrize(
    ("status", "english", "dutch"),
    [
        (403, "refused the newsroom's key", "weigerde de sleutel"),
        (456, "quota", "quotum"),
        (429, "busy", "druk"),
        (500, "problem on its side (error 500)", "probleem aan zijn kant (fout 500)"),
        (503, "problem on its side (error 503)", "probleem aan zijn kant (fout 503)"),
    ],
)
def test_provider_errors_are_clear_in_both_languages(fake_deepl, status, english, dutch):
    fake_deepl.fail = status
    for lang, expected in (("en", english), ("nl", dutch)):
        with translation.override(lang), pytest.raises(ProviderError) as error:
            get_provider().translate(["Hello"], source="en", target="nl")
        message = str(error.value.message)
        assert expected in message
        assert ("Nothing was changed" if lang == "en" else "Er is niets veranderd") in message


def test_a_timeout_is_a_clear_error(fake_deepl, settings):
    # The deepl package waits at least a second (its first backoff step).
    settings.DEEPL_TIMEOUT_SECONDS = 0.2
    fake_deepl.delay = 1.6
    with pytest.raises(ProviderError) as error:
        get_provider().translate(["Hello"], source="en", target="nl")
    assert "did not answer in time" in str(error.value.message)
