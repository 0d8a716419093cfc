"""Tags saved with an empty slug (a name like “>” slugified to nothing) get “tag-<id>”,
so their pages and every update page showing them have an address."""

from django.db import migrations


def give_empty_slugs_an_address(apps, schema_editor):
    Tag = apps.get_model("articles", "Tag")
    taken = set(Tag.objects.values_list("slug", flat=True))
    for tag in Tag.objects.filter(slug=""):
        slug, n = f"tag-{tag.pk}", 1
        while slug in taken:
            slug, n = f"tag-{tag.pk}-{n}", n + 1
        taken.add(slug)
        Tag.objects.filter(pk=tag.pk).update(slug=slug)


class Migration(migrations.Migration):
    dependencies = [("articles", "0008_embargo")]

    operations = [migrations.RunPython(give_empty_slugs_an_address, migrations.RunPython.noop)]
