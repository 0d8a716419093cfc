"""Load the bilingual demo newsroom (development only); safe to run on every ``make run``.

Every demo object has a stable key (a username or slug). Only missing objects are
created; existing ones are left exactly as they are, since an editor may have
changed them in the running demo. Every update is written through the workflow,
so its states are derived the same way as for real updates.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from newsroom.articles import demo, illustrations, workflow
from newsroom.articles.models import (
    Article,
    Source,
    StoryLink,
    Tag,
    Topic,
    TranslationProgress,
)

ARTICLE_FIELDS = ("title", "slug", "relevance", "summary", "body", "meta_description")
PLAIN_FIELDS = (
    "source_language",
    "original_url",
    "original_title",
    "original_author",
    "original_published_at",
    "original_cached_at",
    "summary_machine_assisted",
)
# (key in the demo data, kind, direction): "forward" links the update to the named one.
LINKS = (
    ("follows_up_on", StoryLink.Kind.FOLLOW_UP, "forward"),
    ("related_to", StoryLink.Kind.RELATED, "forward"),
    ("background_to", StoryLink.Kind.BACKGROUND, "forward"),
    ("followed_up_by", StoryLink.Kind.FOLLOW_UP, "backward"),
)
# Pictures (drawn with Pillow, see illustrations.py) and key points of the demo updates.
EXTRAS = Path(__file__).with_name("demo_extras.json")


class Command(BaseCommand):
    help = "Load demo users and a bilingual demo newsroom (only where demo content is enabled)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default="http://127.0.0.1:8000",
            help="Where the development server runs, for the login lines.",
        )

    def handle(self, *args, base_url, **options):
        if not settings.DEMO_CONTENT_ENABLED:
            raise CommandError(
                "Demo content is disabled in these settings (DEMO_CONTENT_ENABLED is off, "
                "as in production); nothing was created. Set NEWSROOM_DEMO_CONTENT=1 on a "
                "development machine to load it."
            )
        self.extras = json.loads(EXTRAS.read_text(encoding="utf-8"))
        with transaction.atomic():
            users = self.ensure_users()
            sources = self.ensure(Source, demo.SOURCES)
            topics = self.ensure(Topic, demo.TOPICS)
            tags = self.ensure_tags()
            existing = set(
                Article.objects.filter(
                    slug_en__in=[spec["slug_en"] for spec in demo.UPDATES]
                ).values_list("slug_en", flat=True)
            )
            created = [
                self.create_update(spec, users=users, sources=sources, topics=topics, tags=tags)
                for spec in demo.UPDATES
                if spec["slug_en"] not in existing
            ]
            links = self.ensure_links(users["editor"])
        self.stdout.write(
            f"Demo content: {len(created)} updates created, "
            f"{len(demo.UPDATES) - len(created)} already there, {links} story links added."
        )
        admin_url = base_url.rstrip("/") + reverse("admin:index")
        for username in demo.USERS:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Demo {username} login: {admin_url}  user: {username}  "
                    f"password: {demo.DEMO_PASSWORD}"
                )
            )

    def ensure_users(self):
        users = {}
        demo_hash = None
        for username, (group_name, first_name, last_name) in demo.USERS.items():
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"first_name": first_name, "last_name": last_name, "is_staff": True},
            )
            # Hashing is deliberately slow (about 0.3 s), so it happens at most once per run and
            # never on a second run. The accounts share one published password, so sharing its
            # hash gives nothing away.
            if created or not user.has_usable_password():
                if demo_hash is None:
                    user.set_password(demo.DEMO_PASSWORD)
                    demo_hash = user.password
                else:
                    user.password = demo_hash
                user.save(update_fields=["password"])
            user.groups.add(Group.objects.get(name=group_name))
            users[username] = user
        return users

    def ensure(self, model, specs):
        existing = model.objects.in_bulk(list(specs), field_name="slug")
        for slug, fields in specs.items():
            if slug not in existing:
                existing[slug] = model.objects.create(slug=slug, **fields)
        return existing

    def ensure_tags(self):
        existing = Tag.objects.in_bulk(list(demo.TAGS), field_name="slug")
        for slug, (name_en, name_nl) in demo.TAGS.items():
            if slug not in existing:
                existing[slug] = Tag.objects.create(
                    slug=slug, name=name_en, name_en=name_en, name_nl=name_nl
                )
        return existing

    def create_update(self, spec, *, users, sources, topics, tags):
        """One demo update, written, translated, reviewed and published by the demo staff
        through the workflow, as real updates are."""
        fields = {
            f"{name}_{lang}": spec[f"{name}_{lang}"]
            for name in ARTICLE_FIELDS
            for lang in ("en", "nl")
            if spec.get(f"{name}_{lang}")
        }
        fields |= {name: spec[name] for name in PLAIN_FIELDS if name in spec}
        if spec["translation"] == "machine":
            fields |= {
                "translation_progress": TranslationProgress.MACHINE,
                "translation_machine_assisted": True,
            }
        extras = self.extras["updates"].get(spec["slug_en"], {})
        if extras.get("motif"):
            fields |= self.picture_fields(spec["slug_en"], extras)
        fields["key_points_machine_assisted"] = extras.get("key_points_machine_assisted", False)
        fields |= {
            "source": sources[spec["source"]],
            "authors": [users[name] for name in spec["authors"]],
            "topics": [topics[slug] for slug in spec["topics"]],
            "tags": [tags[slug] for slug in spec["tags"]],
        }
        # Key points in the languages the update is written in (a missing translation has none).
        written = {lang for lang in ("en", "nl") if spec.get(f"title_{lang}")}
        rows = {
            "signals": [
                workflow.Row(values={"position": i, "text_en": en, "text_nl": nl})
                for i, (en, nl) in enumerate(spec["signals"], start=1)
            ],
            "key_points": [
                workflow.Row(
                    values={
                        "position": i,
                        "text_en": en if "en" in written else "",
                        "text_nl": nl if "nl" in written else "",
                    }
                )
                for i, (en, nl) in enumerate(extras.get("key_points", []), start=1)
            ],
        }
        editor = users["editor"]
        article = workflow.create_update(user=editor, changes=fields, rows=rows).article

        if spec["translation"] in ("reviewed", "outdated"):
            workflow.mark_translation_reviewed(article=article, user=users["translator"])
        if spec["translation"] == "outdated":
            self.edit_source_after_review(article, spec, editor)

        if spec["status"] == "published":
            workflow.publish(article=article, user=editor, at=spec["published_at"])
        elif spec["status"] == "scheduled":
            at = timezone.now() + timedelta(days=spec["scheduled_in_days"])
            workflow.publish(article=article, user=editor, at=at)
        elif spec["status"] == "review":
            workflow.submit_for_review(article=article, user=users["writer"])

        if correction := spec.get("correction"):
            workflow.save_edit(
                article=article,
                user=editor,
                version=None,
                rows={"corrections": [workflow.Row(values=correction)]},
            )
        return article

    def picture_fields(self, slug, extras):
        """Draw the update's illustration once and describe it in both languages."""
        name = f"updates/demo/{slug}.png"
        if not default_storage.exists(name):
            png = illustrations.draw(extras["motif"], extras["palette"])
            name = default_storage.save(name, ContentFile(png))
        credit = self.extras["credit"]
        return {
            "image": name,
            "image_alt_en": extras["alt_en"],
            "image_alt_nl": extras["alt_nl"],
            "image_credit_en": credit["en"],
            "image_credit_nl": credit["nl"],
        }

    def edit_source_after_review(self, article, spec, editor):
        """A real (not minor) source edit after the review makes the translation out of date."""
        name = f"{demo.OUTDATED_FIELD}_{article.source_language}"
        article.refresh_from_db()
        workflow.save_edit(
            article=article,
            user=editor,
            version=article.version,
            changes={name: getattr(article, name) + spec["outdated_change"]},
        )

    def ensure_links(self, editor):
        by_slug = Article.objects.in_bulk(
            [spec["slug_en"] for spec in demo.UPDATES], field_name="slug_en"
        )
        linked = set(
            StoryLink.objects.filter(from_article__in=by_slug.values()).values_list(
                "from_article_id", "to_article_id"
            )
        )
        added = 0
        for spec in demo.UPDATES:
            for key, kind, direction in LINKS:
                if key not in spec:
                    continue
                this, other = by_slug.get(spec["slug_en"]), by_slug.get(spec[key])
                if this is None or other is None:
                    continue
                from_article, to_article = (
                    (this, other) if direction == "forward" else (other, this)
                )
                if (from_article.pk, to_article.pk) not in linked:
                    workflow.save_edit(
                        article=from_article,
                        user=editor,
                        version=None,
                        rows={
                            "outgoing_links": [
                                workflow.Row(values={"kind": kind, "to_article": to_article})
                            ]
                        },
                    )
                    linked.add((from_article.pk, to_article.pk))
                    added += 1
        return added
