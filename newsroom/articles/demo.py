"""Demo content for ``manage.py loaddemo``: a small bilingual newsroom, as plain data.

Written in our own words from public facts (see /work/shared/reference/). Each
update is identified by its English slug, each source, topic and tag by its slug,
so the loader can tell what already exists. ``translation`` says which state the
loader should bring the translation into, through the services; ``status`` says
how far the update goes in the workflow.
"""

from datetime import UTC, datetime

# Printed by loaddemo for the development-only demo accounts; never enabled in production.
DEMO_PASSWORD = "newsroom-demo"  # noqa: S105

# username -> (group, first name, last name)
USERS = {
    "editor": ("Editor", "Eva", "de Vries"),
    "writer": ("Writer", "Sam", "Jansen"),
    "translator": ("Translator", "Noor", "Bakker"),
}


def _at(year, month, day, hour=12, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


SOURCES = {
    "openai": {
        "name_en": "OpenAI",
        "name_nl": "OpenAI",
        "kind": "publisher",
        "homepage": "https://openai.com/news/",
        "feed_url": "https://openai.com/news/rss.xml",
    },
    "microsoft": {
        "name_en": "Microsoft News",
        "name_nl": "Microsoft Nieuws",
        "kind": "publisher",
        "homepage": "https://news.microsoft.com/source/",
        "feed_url": "https://news.microsoft.com/source/feed/",
    },
    "github": {
        "name_en": "GitHub Blog",
        "name_nl": "GitHub-blog",
        "kind": "publisher",
        "homepage": "https://github.blog/",
    },
    "heise": {
        "name_en": "heise online",
        "name_nl": "heise online",
        "kind": "news",
        "homepage": "https://www.heise.de/en/",
    },
    "ai-dev-digest": {
        "name_en": "AI Dev Digest",
        "name_nl": "AI Dev Digest",
        "kind": "aggregator",
        "homepage": "https://aidevdigest.example/",
        "feed_url": "https://aidevdigest.example/feed.xml",
    },
    "european-commission": {
        "name_en": "European Commission",
        "name_nl": "Europese Commissie",
        "kind": "other",
        "homepage": "https://digital-strategy.ec.europa.eu/",
        "language": "en",
    },
}

TOPICS = {
    "openai": {"name_en": "OpenAI", "name_nl": "OpenAI"},
    "microsoft": {"name_en": "Microsoft", "name_nl": "Microsoft"},
    "agents": {
        "name_en": "Agents",
        "name_nl": "Agents",
        "description_en": "Software that plans and carries out tasks with AI models.",
        "description_nl": "Software die met AI-modellen taken plant en uitvoert.",
    },
    "coding-tools": {
        "name_en": "Coding tools",
        "name_nl": "Programmeertools",
        "description_en": "Assistants and agents that read, write and review code.",
        "description_nl": "Assistenten en agents die code lezen, schrijven en beoordelen.",
    },
    "policy-safety": {
        "name_en": "Policy & safety",
        "name_nl": "Beleid & veiligheid",
        "description_en": "Rules, contracts and safety work that shape how AI is built.",
        "description_nl": "Regels, contracten en veiligheidswerk die bepalen hoe AI wordt gebouwd.",
    },
}

TAGS = {
    "microsoft": ("Microsoft", "Microsoft"),
    "openai": ("OpenAI", "OpenAI"),
    "azure": ("Azure", "Azure"),
    "agi": ("AGI", "AGI"),
    "partnerships": ("Partnerships", "Samenwerkingen"),
    "licensing": ("Licensing", "Licenties"),
    "open-weights": ("Open weights", "Open gewichten"),
    "codex": ("Codex", "Codex"),
    "github-copilot": ("GitHub Copilot", "GitHub Copilot"),
    "mcp": ("Model Context Protocol", "Model Context Protocol"),
    "eu-ai-act": ("EU AI Act", "AI-verordening"),
    "bug-bounty": ("Bug bounty", "Bugbounty"),
    "security": ("Security", "Beveiliging"),
    "apis": ("APIs", "API's"),
}

NEXT_CHAPTER = "microsoft-openai-next-chapter"
AMENDED_AGREEMENT = "microsoft-openai-amended-agreement"
# The update whose Dutch translation the loader makes out of date, and the field it changes.
OUTDATED_UPDATE = "microsoft-openai-memorandum-of-understanding"
OUTDATED_FIELD = "summary"
MISSING_UPDATE = "getting-started-with-codex"

UPDATES = [
    {
        "slug_en": NEXT_CHAPTER,
        "slug_nl": "microsoft-openai-volgend-hoofdstuk",
        "source_language": "en",
        "source": "openai",
        "original_url": "https://openai.com/index/next-chapter-of-microsoft-openai-partnership/",
        "original_title": "The next chapter of the Microsoft–OpenAI partnership",
        "original_published_at": _at(2025, 10, 28, 13),
        "published_at": _at(2025, 10, 28, 16),
        "status": "published",
        "translation": "reviewed",
        "authors": ["writer"],
        "topics": ["openai", "microsoft", "policy-safety"],
        "tags": ["microsoft", "openai", "azure", "agi", "partnerships"],
        "title_en": (
            "Microsoft and OpenAI sign a new deal as OpenAI becomes a public benefit company"
        ),
        "title_nl": "Microsoft en OpenAI tekenen nieuwe deal nu OpenAI een PBC wordt",
        "relevance_en": "Relevant if you build on OpenAI models through Azure or the OpenAI API.",
        "relevance_nl": "Relevant als je OpenAI-modellen gebruikt via Azure of de OpenAI-API.",
        "summary_en": (
            "A new definitive agreement clears the way for OpenAI's recapitalisation as a "
            "public benefit corporation. Microsoft keeps a stake of about 27 percent and its "
            "model rights until 2032; an expert panel will have to confirm any claim of AGI."
        ),
        "summary_nl": (
            "Een nieuwe definitieve overeenkomst maakt de weg vrij voor de herkapitalisatie "
            "van OpenAI als public benefit corporation. Microsoft houdt een belang van zo'n "
            "27 procent en zijn rechten op de modellen tot 2032; een claim van AGI moet "
            "voortaan door een panel van experts worden bevestigd."
        ),
        "body_en": """\
Microsoft and OpenAI have worked together since 2019. On 28 October 2025 both companies \
published the terms of a new agreement that keeps the core of that deal and loosens much \
of the rest.

## The stake and the new structure

Microsoft backs OpenAI's move to a public benefit corporation, OpenAI Group PBC. After the \
recapitalisation its holding is valued at roughly $135 billion, or about 27 percent on an \
as-converted diluted basis. Before OpenAI's recent funding rounds that stake was 32.5 percent.

## What stays the same until AGI

- OpenAI remains Microsoft's partner for frontier models.
- Microsoft keeps exclusive IP rights and exclusivity for OpenAI's API on Azure.
- The revenue share stays in place until AGI is verified, paid out over a longer period.

## What changes

- When OpenAI declares AGI, an independent panel of experts has to verify it.
- Microsoft's rights to models and products run through 2032 and now cover models built \
after AGI, with safety guardrails. Rights to research methods end in 2030 or at verified \
AGI, whichever comes first. OpenAI's consumer hardware is excluded.
- OpenAI may build products with third parties. API products made that way stay on Azure; \
other products can run on any cloud.
- OpenAI commits to buying another $250 billion of Azure services, and Microsoft gives up \
its right of first refusal as compute provider.
- OpenAI may release open-weight models that meet capability criteria, and may sell API \
access to US national security customers on any cloud.
- Microsoft may pursue AGI on its own or with other partners.

## What it means for builders

Nothing changes overnight for the OpenAI API or Azure OpenAI. The long-term picture does: \
OpenAI products may start showing up on other clouds, and open-weight releases are now \
explicitly allowed.
""",
        "body_nl": """\
Microsoft en OpenAI werken sinds 2019 samen. Op 28 oktober 2025 publiceerden beide bedrijven \
de voorwaarden van een nieuwe overeenkomst die de kern van die deal behoudt en veel andere \
afspraken losser maakt.

## Het belang en de nieuwe structuur

Microsoft steunt de omvorming van OpenAI tot public benefit corporation, OpenAI Group PBC. \
Na de herkapitalisatie is het belang van Microsoft ongeveer 135 miljard dollar waard, zo'n \
27 procent op volledig verwaterde basis. Vóór de recente financieringsrondes van OpenAI was \
dat 32,5 procent.

## Wat tot AGI hetzelfde blijft

- OpenAI blijft de partner van Microsoft voor frontiermodellen.
- Microsoft houdt exclusieve IE-rechten en de exclusiviteit van OpenAI's API op Azure.
- De omzetdeling blijft bestaan tot AGI is geverifieerd, maar wordt over een langere \
periode uitbetaald.

## Wat er verandert

- Als OpenAI AGI uitroept, moet een onafhankelijk panel van experts dat bevestigen.
- De rechten van Microsoft op modellen en producten lopen tot en met 2032 en gelden nu ook \
voor modellen van na AGI, met veiligheidswaarborgen. De rechten op onderzoeksmethoden \
vervallen in 2030 of bij geverifieerde AGI, wat het eerst komt. Consumentenhardware van \
OpenAI valt erbuiten.
- OpenAI mag producten met derden bouwen. API-producten die zo ontstaan blijven op Azure; \
andere producten mogen op elke cloud draaien.
- OpenAI verplicht zich om voor nog eens 250 miljard dollar aan Azure-diensten af te nemen, \
en Microsoft verliest zijn voorkeursrecht als rekenleverancier.
- OpenAI mag open-weightmodellen uitbrengen die aan capaciteitscriteria voldoen, en mag \
API-toegang verkopen aan Amerikaanse klanten op het gebied van nationale veiligheid, op \
elke cloud.
- Microsoft mag zelf of met andere partners aan AGI werken.

## Wat het betekent voor bouwers

Voor de OpenAI-API en Azure OpenAI verandert er van de ene op de andere dag niets. Het \
langetermijnbeeld wel: OpenAI-producten kunnen op andere clouds verschijnen, en \
open-weightmodellen zijn nu uitdrukkelijk toegestaan.
""",
        "signals": [
            (
                "Azure stays the only home for OpenAI's API until AGI is verified.",
                "Azure blijft de enige plek voor OpenAI's API tot AGI is geverifieerd.",
            ),
            (
                "Open-weight models from OpenAI are now explicitly allowed.",
                "Open-weightmodellen van OpenAI zijn nu uitdrukkelijk toegestaan.",
            ),
            (
                "Worth revisiting once the expert panel's role becomes concrete.",
                "Het waard om op terug te komen zodra de rol van het expertpanel concreet wordt.",
            ),
        ],
        "correction": {
            "text_en": (
                "An earlier version gave Microsoft's stake after the recapitalisation as "
                "32.5 percent. That was its stake before OpenAI's recent funding rounds; "
                "afterwards it is about 27 percent."
            ),
            "text_nl": (
                "In een eerdere versie stond dat Microsoft na de herkapitalisatie 32,5 procent "
                "bezit. Dat was het belang vóór de recente financieringsrondes van OpenAI; "
                "daarna is het ongeveer 27 procent."
            ),
            "corrected_at": _at(2025, 10, 29, 9),
        },
    },
    {
        "slug_en": AMENDED_AGREEMENT,
        "slug_nl": "microsoft-openai-gewijzigde-overeenkomst",
        "source_language": "en",
        "source": "openai",
        "original_url": "https://openai.com/index/next-phase-of-microsoft-partnership/",
        "original_title": "The next phase of the Microsoft OpenAI partnership",
        "original_published_at": _at(2026, 5, 8, 6),
        "original_cached_at": _at(2026, 5, 8, 9, 31),
        "published_at": _at(2026, 5, 8, 11),
        "status": "published",
        "translation": "reviewed",
        "authors": ["writer", "editor"],
        "topics": ["openai", "microsoft"],
        "tags": ["microsoft", "openai", "azure", "licensing", "partnerships"],
        "follows_up_on": NEXT_CHAPTER,
        "title_en": "Microsoft's licence to OpenAI's models is no longer exclusive",
        "title_nl": "Licentie van Microsoft op OpenAI-modellen is niet langer exclusief",
        "relevance_en": "Relevant if you choose a cloud for OpenAI models or sell on Azure.",
        "relevance_nl": (
            "Relevant als je een cloud kiest voor OpenAI-modellen of via Azure verkoopt."
        ),
        "summary_en": (
            "An amended agreement simplifies the partnership: OpenAI may serve all of its "
            "products on any cloud, Microsoft keeps a non-exclusive licence through 2032 and "
            "stops paying OpenAI a revenue share."
        ),
        "summary_nl": (
            "Een gewijzigde overeenkomst maakt de samenwerking eenvoudiger: OpenAI mag al zijn "
            "producten op elke cloud aanbieden, Microsoft houdt tot en met 2032 een niet-"
            "exclusieve licentie en betaalt OpenAI geen omzetaandeel meer."
        ),
        "body_en": """\
Half a year after the October 2025 deal, OpenAI and Microsoft have amended their agreement \
again, this time to make it simpler and more predictable.

## Clouds

Azure remains OpenAI's primary cloud, and OpenAI products launch there first unless \
Microsoft cannot or chooses not to support what they need. Beyond that, OpenAI may now offer \
every product, API included, on any cloud provider.

## Licence

Microsoft keeps its licence to OpenAI's models and products through 2032, but the licence \
is no longer exclusive.

## Money

- Microsoft no longer pays OpenAI a share of its revenue.
- OpenAI keeps paying Microsoft a revenue share through 2030 at the same percentage, now \
with a total cap, and no longer tied to progress towards AGI.
- Microsoft stays a major shareholder in OpenAI.

## What to watch

The companies say they will keep working together on datacenter capacity, chips and \
security. For developers the practical question is when OpenAI's API shows up natively on \
other clouds.
""",
        "body_nl": """\
Een half jaar na de deal van oktober 2025 hebben OpenAI en Microsoft hun overeenkomst \
opnieuw gewijzigd, dit keer om haar eenvoudiger en voorspelbaarder te maken.

## Clouds

Azure blijft de belangrijkste cloud van OpenAI, en OpenAI-producten verschijnen daar als \
eerste, tenzij Microsoft niet kan of wil ondersteunen wat ze nodig hebben. Verder mag \
OpenAI nu elk product, de API inbegrepen, bij elke cloudaanbieder aanbieden.

## Licentie

Microsoft houdt tot en met 2032 een licentie op de modellen en producten van OpenAI, maar \
die licentie is niet langer exclusief.

## Geld

- Microsoft betaalt OpenAI geen deel van zijn omzet meer.
- OpenAI blijft tot en met 2030 een omzetaandeel aan Microsoft betalen, tegen hetzelfde \
percentage maar nu met een totaalplafond, en los van de voortgang richting AGI.
- Microsoft blijft een grote aandeelhouder van OpenAI.

## Waar je op moet letten

De bedrijven blijven samenwerken aan datacentercapaciteit, chips en beveiliging. Voor \
ontwikkelaars is de praktische vraag wanneer de API van OpenAI rechtstreeks op andere \
clouds beschikbaar komt.
""",
        "signals": [
            (
                "OpenAI's products, API included, may now run on any cloud.",
                "De producten van OpenAI, ook de API, mogen nu op elke cloud draaien.",
            ),
            (
                "Revenue flows only from OpenAI to Microsoft now, capped and ending in 2030.",
                "Omzet gaat nu alleen nog van OpenAI naar Microsoft, met een plafond en tot 2030.",
            ),
            (
                "Read together with the October 2025 agreement it replaces in part.",
                "Lees dit samen met de overeenkomst van oktober 2025, die het deels vervangt.",
            ),
        ],
    },
    {
        "slug_en": "heise-microsoft-openai-new-rules",
        "slug_nl": "heise-microsoft-openai-nieuwe-spelregels",
        "source_language": "nl",
        "source": "heise",
        "original_url": "https://www.heise.de/en/",
        "original_title": "Microsoft and OpenAI agree on new partnership rules",
        "original_author": "heise online",
        "original_published_at": _at(2025, 10, 29, 8),
        "published_at": _at(2025, 10, 29, 14),
        "status": "published",
        "translation": "machine",
        "authors": ["translator"],
        "topics": ["microsoft", "openai"],
        "tags": ["microsoft", "openai", "agi"],
        "related_to": NEXT_CHAPTER,
        "title_nl": "heise: de AGI-definitie hangt niet langer aan een omzetdoel",
        "title_en": "heise: the AGI definition is no longer tied to a revenue target",
        "relevance_nl": "Relevant als je de machtsverhoudingen in AI wilt begrijpen.",
        "relevance_en": "Relevant if you want to understand the balance of power in AI.",
        "summary_nl": (
            "Het Duitse heise wijst op een detail in de nieuwe deal: vroeger was AGI in het "
            "contract gekoppeld aan 100 miljard dollar winst, nu beslist een expertpanel."
        ),
        "summary_en": (
            "Germany's heise points to one detail of the new deal: AGI used to be tied in the "
            "contract to a 100 billion dollar profit mark; now an expert panel decides."
        ),
        "body_nl": """\
heise zet de nieuwe afspraken tussen Microsoft en OpenAI in de context van maanden van \
onderhandelen: al in mei 2025 spraken de bedrijven over de toekomst, terwijl de verhouding \
merkbaar was bekoeld.

Opvallend vindt heise vooral de nieuwe manier om AGI vast te stellen. Eerder was die grens \
gekoppeld aan een financieel doel van 100 miljard dollar, een commercieel en geen technisch \
criterium. Voortaan moet een onafhankelijk panel een claim van OpenAI toetsen.

Verder wijst heise erop dat OpenAI aan eigen apparaten werkt, en dat die consumentenhardware \
nu buiten de rechten van Microsoft valt.
""",
        "body_en": """\
heise places the new arrangements between Microsoft and OpenAI in the context of months of \
negotiation: the companies were already talking about their future in May 2025, while the \
relationship had visibly cooled.

What stands out for heise is the new way AGI is established. The threshold used to be tied \
to a financial target of 100 billion dollars, a commercial rather than a technical test. \
From now on an independent panel has to check any claim by OpenAI.

heise also notes that OpenAI is working on its own devices, and that this consumer hardware \
now falls outside Microsoft's rights.
""",
        "signals": [
            (
                "AGI is now a panel's judgement, not a profit figure.",
                "AGI is nu het oordeel van een panel, geen winstbedrag.",
            ),
            (
                "OpenAI's own devices fall outside Microsoft's rights.",
                "Eigen apparaten van OpenAI vallen buiten de rechten van Microsoft.",
            ),
        ],
    },
    {
        "slug_en": "microsoft-invests-in-openai-2019",
        "slug_nl": "microsoft-investeert-in-openai-2019",
        "source_language": "en",
        "source": "openai",
        "original_url": "https://openai.com/index/microsoft-invests-in-and-partners-with-openai/",
        "original_title": (
            "Microsoft invests in and partners with OpenAI to support us building beneficial AGI"
        ),
        "original_published_at": _at(2019, 7, 22, 13),
        "published_at": _at(2019, 7, 22, 18),
        "status": "published",
        "translation": "reviewed",
        "authors": ["writer"],
        "topics": ["openai", "microsoft"],
        "tags": ["microsoft", "openai", "azure", "partnerships"],
        "background_to": NEXT_CHAPTER,
        "title_en": "Microsoft invests one billion dollars in OpenAI",
        "title_nl": "Microsoft investeert een miljard dollar in OpenAI",
        "relevance_en": "Relevant if you want the history behind Azure OpenAI.",
        "relevance_nl": "Relevant als je de geschiedenis achter Azure OpenAI wilt kennen.",
        "summary_en": (
            "Microsoft puts one billion dollars into OpenAI and becomes its preferred partner "
            "for bringing new AI technology to market; OpenAI will train its models on Azure."
        ),
        "summary_nl": (
            "Microsoft steekt een miljard dollar in OpenAI en wordt de voorkeurspartner om "
            "nieuwe AI-technologie op de markt te brengen; OpenAI traint zijn modellen op Azure."
        ),
        "body_en": """\
The partnership that later deals build on starts here. Microsoft invests one billion dollars \
in OpenAI, which has just set up a capped-profit company to raise money for compute.

The two agree to build Azure supercomputing capacity for OpenAI's research, and Microsoft \
becomes the preferred partner for commercialising OpenAI's technology before AGI.
""",
        "body_nl": """\
Hier begint de samenwerking waarop latere deals voortbouwen. Microsoft investeert een \
miljard dollar in OpenAI, dat net een bedrijf met begrensde winst heeft opgericht om geld \
voor rekenkracht op te halen.

De twee spreken af om op Azure supercomputercapaciteit te bouwen voor het onderzoek van \
OpenAI, en Microsoft wordt de voorkeurspartner om de technologie van OpenAI vóór AGI te \
commercialiseren.
""",
        "signals": [
            (
                "The origin of Azure's central role in OpenAI's work.",
                "De oorsprong van de centrale rol van Azure in het werk van OpenAI.",
            ),
        ],
    },
    {
        "slug_en": OUTDATED_UPDATE,
        "slug_nl": "microsoft-openai-intentieverklaring",
        "source_language": "en",
        "source": "microsoft",
        "original_url": "https://blogs.microsoft.com/",
        "original_title": "A joint statement from OpenAI and Microsoft",
        "original_published_at": _at(2025, 9, 11, 15),
        "published_at": _at(2025, 9, 11, 19),
        "status": "published",
        "translation": "outdated",
        "outdated_change": (
            " Both companies said the safety of their work remains at the centre of it."
        ),
        "authors": ["writer"],
        "topics": ["microsoft", "openai"],
        "tags": ["microsoft", "openai", "partnerships"],
        "followed_up_by": NEXT_CHAPTER,
        "title_en": "Microsoft and OpenAI sign a memorandum of understanding",
        "title_nl": "Microsoft en OpenAI tekenen een intentieverklaring",
        "relevance_en": "Relevant if you follow where OpenAI's models will be offered.",
        "relevance_nl": "Relevant als je volgt waar de modellen van OpenAI worden aangeboden.",
        "summary_en": (
            "A short joint statement: the companies have signed a non-binding memorandum of "
            "understanding for the next phase of their partnership and are working out the "
            "contract."
        ),
        "summary_nl": (
            "Een korte gezamenlijke verklaring: de bedrijven hebben een niet-bindende "
            "intentieverklaring getekend voor de volgende fase van hun samenwerking en werken "
            "het contract nu uit."
        ),
        "body_en": """\
Microsoft and OpenAI say they have signed a non-binding memorandum of understanding on the \
next phase of their partnership. No terms are published yet; both companies say they are \
finalising the contract. The full agreement followed in October 2025.
""",
        "body_nl": """\
Microsoft en OpenAI melden dat ze een niet-bindende intentieverklaring hebben getekend over \
de volgende fase van hun samenwerking. Voorwaarden zijn nog niet bekend; beide bedrijven \
zeggen dat ze het contract afronden. De volledige overeenkomst volgde in oktober 2025.
""",
        "signals": [
            (
                "A signal that the deal was being rewritten, without terms yet.",
                "Een teken dat de deal werd herschreven, nog zonder voorwaarden.",
            ),
        ],
    },
    {
        "slug_en": "gpt-5-5-bio-bug-bounty",
        "slug_nl": "gpt-5-5-bio-bugbounty",
        "source_language": "en",
        "source": "openai",
        "original_url": "https://openai.com/news/",
        "original_title": "GPT-5.5 Bio Bug Bounty",
        "original_published_at": _at(2026, 4, 24, 17),
        "status": "review",
        "translation": "draft",
        "authors": ["writer"],
        "topics": ["openai", "policy-safety"],
        "tags": ["openai", "bug-bounty", "security"],
        "title_en": "OpenAI invites researchers to break GPT-5.5's biology safeguards",
        "title_nl": "OpenAI daagt onderzoekers uit de biologische waarborgen van GPT-5.5 te kraken",
        "relevance_en": "Relevant if you red-team models or ship them in sensitive domains.",
        "relevance_nl": "Relevant als je modellen red-teamt of in gevoelige domeinen inzet.",
        "summary_en": (
            "A bug bounty asks security researchers to find jailbreaks that get GPT-5.5 to "
            "help with dangerous biology, so OpenAI can close them."
        ),
        "summary_nl": (
            "Een bugbounty vraagt beveiligingsonderzoekers jailbreaks te vinden waarmee "
            "GPT-5.5 toch helpt bij gevaarlijke biologie, zodat OpenAI ze kan dichten."
        ),
        "body_en": """\
OpenAI runs a bug bounty aimed at one risk: GPT-5.5 giving meaningful help with biological \
threats. Researchers who find a prompt that reliably gets around the safeguards can report \
it and be rewarded.

Check the programme page for the current rules, scope and rewards before you take part.
""",
        "body_nl": """\
OpenAI houdt een bugbounty voor één risico: dat GPT-5.5 wezenlijk helpt bij biologische \
dreigingen. Onderzoekers die een prompt vinden die de waarborgen betrouwbaar omzeilt, \
kunnen die melden en worden beloond.
""",
        "signals": [
            (
                "Safety testing of frontier models is opening up to outside researchers.",
                "Veiligheidstests van frontiermodellen gaan open voor externe onderzoekers.",
            ),
        ],
    },
    {
        "slug_en": MISSING_UPDATE,
        "source_language": "en",
        "source": "openai",
        "original_url": "https://developers.openai.com/codex",
        "original_title": "How to get started with Codex",
        "original_published_at": _at(2026, 2, 10, 17),
        "published_at": _at(2026, 2, 11, 9),
        "status": "published",
        "translation": "missing",
        "authors": ["writer"],
        "topics": ["coding-tools", "agents", "openai"],
        "tags": ["codex", "openai"],
        "title_en": "Getting started with Codex, OpenAI's coding agent",
        "relevance_en": "Relevant if you want an agent to take on real tasks in your repository.",
        "summary_en": (
            "OpenAI's guide to Codex walks through setting it up, connecting a first project "
            "and handing it real tasks. Our notes on what to do first."
        ),
        "body_en": """\
Codex is OpenAI's coding agent. You can run it in your terminal, in your editor or in the \
cloud, where it works on tasks in parallel in its own sandbox.

## Set it up

Install the command-line tool or the editor extension and sign in with your ChatGPT account \
or an API key. Start in a repository you know well.

## Give it context

Add an `AGENTS.md` file to the repository: how to run the tests, the linters, and the \
conventions you care about. Codex reads it before it starts.

## Hand it a first task

Pick something small and checkable: a failing test, a missing docstring, a small refactor. \
Review the diff as you would a colleague's pull request.

## Grow from there

Once the loop works, give it larger tasks and let it run several at once. Keep tests fast: \
they are how the agent finds out it is done.
""",
        "signals": [
            (
                "An AGENTS.md file is the cheapest way to get better results.",
                "",
            ),
            ("Start with small tasks you can verify with tests.", ""),
        ],
    },
    {
        "slug_en": "openai-gpt-oss-open-weight-models",
        "slug_nl": "openai-gpt-oss-open-weightmodellen",
        "source_language": "en",
        "source": "openai",
        "original_url": "https://openai.com/index/introducing-gpt-oss/",
        "original_title": "Introducing gpt-oss",
        "original_published_at": _at(2025, 8, 5, 17),
        "published_at": _at(2025, 8, 5, 20),
        "status": "published",
        "translation": "reviewed",
        "authors": ["writer"],
        "topics": ["openai"],
        "tags": ["openai", "open-weights"],
        "title_en": "OpenAI releases gpt-oss, its first open-weight models since GPT-2",
        "title_nl": "OpenAI brengt gpt-oss uit, de eerste open-weightmodellen sinds GPT-2",
        "relevance_en": "Relevant if you want to run a capable model on your own hardware.",
        "relevance_nl": "Relevant als je een capabel model op eigen hardware wilt draaien.",
        "summary_en": (
            "Two reasoning models, gpt-oss-120b and gpt-oss-20b, are available under the "
            "Apache 2.0 licence to download, run and fine-tune."
        ),
        "summary_nl": (
            "Twee redeneermodellen, gpt-oss-120b en gpt-oss-20b, zijn onder de Apache 2.0-"
            "licentie te downloaden, te draaien en bij te trainen."
        ),
        "body_en": """\
OpenAI has published the weights of two reasoning models, gpt-oss-120b and gpt-oss-20b, \
under the permissive Apache 2.0 licence. The smaller one is meant to run on a well-equipped \
laptop; the larger one on a single data-centre GPU.

Both support tool use and adjustable reasoning effort, which makes them usable for agents \
that must run locally or on premises.
""",
        "body_nl": """\
OpenAI heeft de gewichten van twee redeneermodellen gepubliceerd, gpt-oss-120b en \
gpt-oss-20b, onder de ruime Apache 2.0-licentie. Het kleinere model is bedoeld voor een \
goed uitgeruste laptop; het grotere voor één datacenter-gpu.

Beide ondersteunen het gebruik van tools en instelbare redeneerinspanning, waardoor ze \
bruikbaar zijn voor agents die lokaal of on-premises moeten draaien.
""",
        "signals": [
            (
                "A permissive licence makes commercial use straightforward.",
                "Een ruime licentie maakt commercieel gebruik eenvoudig.",
            ),
            (
                "Useful where data may not leave your own infrastructure.",
                "Nuttig waar data je eigen infrastructuur niet mag verlaten.",
            ),
        ],
    },
    {
        "slug_en": "github-copilot-coding-agent",
        "slug_nl": "github-copilot-coding-agent",
        "source_language": "en",
        "source": "github",
        "original_url": "https://github.blog/",
        "original_title": "GitHub Copilot: Meet the new coding agent",
        "original_published_at": _at(2025, 5, 19, 16),
        "published_at": _at(2025, 5, 19, 19),
        "status": "published",
        "translation": "reviewed",
        "authors": ["writer"],
        "topics": ["coding-tools", "agents", "microsoft"],
        "tags": ["github-copilot", "microsoft"],
        "title_en": "GitHub Copilot can now take an issue and open a pull request",
        "title_nl": "GitHub Copilot pakt nu zelf een issue op en opent een pull request",
        "relevance_en": "Relevant if your team works in GitHub issues and pull requests.",
        "relevance_nl": "Relevant als je team werkt met issues en pull requests op GitHub.",
        "summary_en": (
            "Assign an issue to Copilot and its coding agent works on it in a GitHub Actions "
            "environment, then asks you to review a draft pull request."
        ),
        "summary_nl": (
            "Wijs een issue toe aan Copilot en de coding agent gaat ermee aan de slag in een "
            "GitHub Actions-omgeving, waarna je een conceptpull request kunt beoordelen."
        ),
        "body_en": """\
Announced at Microsoft Build, the coding agent turns Copilot from a pair programmer into a \
colleague you can assign work to. It starts its own environment, pushes commits to a draft \
pull request and responds to review comments.

Branch protections and required reviews still apply, so a human approves what gets merged.
""",
        "body_nl": """\
De coding agent, aangekondigd op Microsoft Build, maakt van Copilot een collega aan wie je \
werk toewijst in plaats van iemand die alleen meeprogrammeert. Hij start een eigen \
omgeving, zet commits in een conceptpull request en reageert op reviewcommentaar.

Branchbeveiliging en verplichte reviews blijven gelden: een mens keurt goed wat wordt \
samengevoegd.
""",
        "signals": [
            (
                "Agents now work inside the normal review flow, not beside it.",
                "Agents werken nu binnen de gewone reviewstroom, niet ernaast.",
            ),
            (
                "Fast, reliable CI becomes the agent's feedback loop.",
                "Snelle, betrouwbare CI wordt de terugkoppeling voor de agent.",
            ),
        ],
    },
    {
        "slug_en": "model-context-protocol-introduced",
        "slug_nl": "model-context-protocol-geintroduceerd",
        "source_language": "en",
        "source": "ai-dev-digest",
        "original_url": "https://www.anthropic.com/news/model-context-protocol",
        "original_title": "Introducing the Model Context Protocol",
        "original_author": "Anthropic",
        "original_published_at": _at(2024, 11, 25, 16),
        "published_at": _at(2024, 11, 26, 8),
        "status": "published",
        "translation": "reviewed",
        "summary_machine_assisted": True,
        "authors": ["writer"],
        "topics": ["agents"],
        "tags": ["mcp", "apis"],
        "title_en": "Anthropic proposes an open standard to connect assistants to tools and data",
        "title_nl": (
            "Anthropic stelt open standaard voor om assistenten aan tools en data te koppelen"
        ),
        "relevance_en": "Relevant if you connect AI assistants to your own systems.",
        "relevance_nl": "Relevant als je AI-assistenten aan je eigen systemen koppelt.",
        "summary_en": (
            "The Model Context Protocol describes one way for AI applications to talk to "
            "servers that expose tools, data and prompts, instead of a custom integration "
            "per pair."
        ),
        "summary_nl": (
            "Het Model Context Protocol beschrijft één manier waarop AI-toepassingen praten "
            "met servers die tools, data en prompts aanbieden, in plaats van een eigen "
            "koppeling per combinatie."
        ),
        "body_en": """\
Anthropic has published the Model Context Protocol (MCP) as an open specification, with \
SDKs and a set of example servers for common systems such as file storage and code hosting.

An MCP server describes what it offers; any client that speaks the protocol can use it. \
Write the integration once and every compatible assistant can reach your system.
""",
        "body_nl": """\
Anthropic heeft het Model Context Protocol (MCP) gepubliceerd als open specificatie, met \
SDK's en een reeks voorbeeldservers voor veelgebruikte systemen zoals bestandsopslag en \
codehosting.

Een MCP-server beschrijft wat hij aanbiedt; elke client die het protocol spreekt, kan hem \
gebruiken. Schrijf de koppeling één keer en elke compatibele assistent kan bij je systeem.
""",
        "signals": [
            (
                "One integration per system instead of one per assistant.",
                "Eén koppeling per systeem in plaats van één per assistent.",
            ),
        ],
    },
    {
        "slug_en": "eu-ai-act-general-purpose-ai-obligations",
        "slug_nl": "ai-verordening-verplichtingen-ai-modellen-voor-algemene-doeleinden",
        "source_language": "nl",
        "source": "european-commission",
        "original_url": "https://digital-strategy.ec.europa.eu/en/policies/regulatory-framework-ai",
        "original_title": "AI Act: regulatory framework for artificial intelligence",
        "original_published_at": _at(2025, 8, 1, 10),
        "published_at": _at(2025, 8, 2, 8),
        "status": "published",
        "translation": "reviewed",
        "authors": ["translator", "editor"],
        "topics": ["policy-safety"],
        "tags": ["eu-ai-act"],
        "title_nl": "AI-verordening: regels voor AI-modellen voor algemene doeleinden gelden nu",
        "title_en": "EU AI Act: rules for general-purpose AI models now apply",
        "relevance_nl": "Relevant als je AI-modellen aanbiedt of inbouwt in de EU.",
        "relevance_en": "Relevant if you offer or build on AI models in the EU.",
        "summary_nl": (
            "Sinds 2 augustus 2025 gelden de verplichtingen van de AI-verordening voor "
            "aanbieders van AI-modellen voor algemene doeleinden, zoals documentatie en "
            "transparantie over trainingsdata."
        ),
        "summary_en": (
            "Since 2 August 2025 the AI Act's obligations for providers of general-purpose AI "
            "models apply, including documentation and transparency about training data."
        ),
        "body_nl": """\
De Europese AI-verordening wordt in fasen van kracht. Op 2 augustus 2025 is de fase \
begonnen voor aanbieders van AI-modellen voor algemene doeleinden: zij moeten technische \
documentatie bijhouden, informatie delen met partijen die hun model inbouwen en een \
samenvatting publiceren van de gebruikte trainingsdata.

Voor modellen met systeemrisico gelden zwaardere eisen. Wie een model alleen gebruikt in \
een eigen toepassing, valt meestal onder andere regels dan de aanbieder van het model.
""",
        "body_en": """\
The European AI Act takes effect in stages. On 2 August 2025 the stage for providers of \
general-purpose AI models began: they must keep technical documentation, share information \
with those who build their model into products and publish a summary of the training data \
they used.

Models with systemic risk face stricter requirements. If you only use a model inside your \
own application, other rules usually apply to you than to the model's provider.
""",
        "signals": [
            (
                "Ask your model provider for the documentation you are now entitled to.",
                "Vraag je modelaanbieder om de documentatie waar je nu recht op hebt.",
            ),
            (
                "Builders and model providers have different duties.",
                "Bouwers en modelaanbieders hebben verschillende plichten.",
            ),
        ],
    },
    {
        "slug_en": "what-the-amended-deal-means-for-azure-customers",
        "slug_nl": "wat-de-gewijzigde-deal-betekent-voor-azure-klanten",
        "source_language": "en",
        "source": "microsoft",
        "original_url": "https://news.microsoft.com/source/",
        "original_title": "Microsoft and OpenAI: questions and answers",
        "original_published_at": _at(2026, 5, 8, 12),
        "scheduled_in_days": 3,
        "status": "scheduled",
        "translation": "reviewed",
        "authors": ["editor"],
        "topics": ["microsoft", "openai"],
        "tags": ["azure", "licensing"],
        "related_to": AMENDED_AGREEMENT,
        "title_en": "Explainer: what the amended deal means if you use OpenAI models on Azure",
        "title_nl": (
            "Uitleg: wat de gewijzigde deal betekent als je OpenAI-modellen op Azure gebruikt"
        ),
        "relevance_en": "Relevant if your applications call OpenAI models through Azure.",
        "relevance_nl": "Relevant als je toepassingen OpenAI-modellen via Azure aanroepen.",
        "summary_en": (
            "Your Azure deployments keep working. What changes is choice: the same models "
            "may appear on other clouds, and Azure no longer has them exclusively."
        ),
        "summary_nl": (
            "Je Azure-deployments blijven werken. Wat verandert is de keuze: dezelfde modellen "
            "kunnen op andere clouds verschijnen, en Azure heeft ze niet langer exclusief."
        ),
        "body_en": """\
## Do I need to change anything?

No. Existing Azure deployments and contracts are not affected by the amendment.

## Will new models still come to Azure first?

That is the stated intent: OpenAI products ship first on Azure unless Microsoft cannot or \
chooses not to support what they need.

## Can I buy OpenAI models elsewhere?

Yes, over time. OpenAI may now serve all its products on any cloud provider, so compare \
regions, pricing and data residency before you commit.
""",
        "body_nl": """\
## Moet ik iets veranderen?

Nee. Bestaande Azure-deployments en contracten veranderen niet door de wijziging.

## Komen nieuwe modellen nog steeds eerst naar Azure?

Dat is de bedoeling: OpenAI-producten verschijnen eerst op Azure, tenzij Microsoft niet kan \
of wil ondersteunen wat ze nodig hebben.

## Kan ik OpenAI-modellen ook elders afnemen?

Ja, op termijn. OpenAI mag al zijn producten nu bij elke cloudaanbieder aanbieden, dus \
vergelijk regio's, prijzen en dataopslag voordat je kiest.
""",
        "signals": [
            (
                "No action needed for existing Azure deployments.",
                "Geen actie nodig voor bestaande Azure-deployments.",
            ),
            (
                "Compare clouds on data residency once alternatives appear.",
                "Vergelijk clouds op dataopslag zodra er alternatieven zijn.",
            ),
        ],
    },
    {
        "slug_en": "openai-responses-api-and-agents-sdk",
        "slug_nl": "openai-responses-api-en-agents-sdk",
        "source_language": "en",
        "source": "openai",
        "original_url": "https://openai.com/index/new-tools-for-building-agents/",
        "original_title": "New tools for building agents",
        "original_published_at": _at(2025, 3, 11, 17),
        "status": "draft",
        "translation": "draft",
        "authors": ["writer"],
        "topics": ["agents", "openai"],
        "tags": ["openai", "apis"],
        "title_en": "OpenAI adds the Responses API and an Agents SDK",
        "title_nl": "OpenAI introduceert de Responses API en een Agents SDK",
        "relevance_en": "Relevant if you build agents on the OpenAI API.",
        "relevance_nl": "Relevant als je agents bouwt op de OpenAI-API.",
        "summary_en": (
            "A new API combines chat with built-in tools such as web and file search, and an "
            "open-source SDK helps coordinate several agents."
        ),
        "summary_nl": (
            "Een nieuwe API combineert chat met ingebouwde tools zoals zoeken op het web en in "
            "bestanden, en een opensource-SDK helpt meerdere agents samen te laten werken."
        ),
        "body_en": """\
Draft: the Responses API is meant to replace the Assistants API over time. Check the \
migration notes before we publish.
""",
        "body_nl": """\
Concept: de Responses API moet op termijn de Assistants API vervangen.
""",
        "signals": [
            (
                "Plan a migration path away from the Assistants API.",
                "Plan een migratie weg van de Assistants API.",
            ),
        ],
    },
]
