"""The project package's models now belong to the consent, readership and web apps, which took
over their tables and rows (their 0001 migrations). Here the old models leave the migration
state only: nothing in the database changes."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("newsroom", "0003_ratelimit"),
        ("consent", "0001_initial"),
        ("readership", "0001_initial"),
        ("web", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ArticleReads"),
                migrations.DeleteModel(name="ConsentRecord"),
                migrations.DeleteModel(name="PrivacyPolicy"),
                migrations.DeleteModel(name="RateLimitWindow"),
            ],
        ),
    ]
