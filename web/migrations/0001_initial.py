"""The web app takes over the rate-limit table the project package created (see
``newsroom/migrations/_handover.py``): ``newsroom_ratelimit`` becomes ``web_ratelimit`` and
stays unlogged (a rename keeps that). ``newsroom`` 0004 forgets the old model."""

from django.db import migrations, models

from newsroom.migrations import _handover


class Migration(migrations.Migration):

    dependencies = [
        ("newsroom", "0003_ratelimit"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE newsroom_ratelimit RENAME TO web_ratelimit",
                    "ALTER TABLE web_ratelimit RENAME TO newsroom_ratelimit",
                ),
            ],
            state_operations=[
                migrations.CreateModel(
                    name="RateLimitWindow",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("key", models.CharField(max_length=100)),
                        ("window_start", models.DateTimeField()),
                        ("hits", models.PositiveIntegerField(default=1)),
                    ],
                    options={
                        "verbose_name": "rate-limit window",
                        "verbose_name_plural": "rate-limit windows",
                        "db_table": "web_ratelimit",
                        "constraints": [models.UniqueConstraint(fields=("key", "window_start"), name="ratelimit_key_window")],
                    },
                ),
            ],
        ),
        _handover.move_content_types("newsroom", "web", ["ratelimitwindow"]),
    ]
