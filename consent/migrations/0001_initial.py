"""The consent app takes over the policy and consent-record tables the project package created.

State: the two models, exactly as ``consent/models.py`` has them. Database: the existing tables
are renamed (``newsroom_*`` -> ``consent_*``; rows, ids, sequences and indexes stay as they are)
and the ``django_content_type`` rows move from app label ``newsroom`` to ``consent``, so that
permissions, group grants, the admin log and django-reversion versions keep pointing at the
same rows. ``newsroom`` 0004 then forgets the old models, in state only. A fresh database takes
the same path (newsroom 0001-0003, then this), so both end in the same schema.
"""

import importlib

import django.contrib.postgres.fields
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from newsroom.migrations import _handover

MODELS = ["privacypolicy", "consentrecord"]

first_policy = importlib.import_module("newsroom.migrations.0002_seed_privacy_policy")


def seed(apps, schema_editor):
    """Version 1 of the policy, in both languages, unless a policy exists (it always does after
    ``newsroom`` 0002; kept so that the consent app states its own starting point)."""
    PrivacyPolicy = apps.get_model("consent", "PrivacyPolicy")
    if PrivacyPolicy.objects.exists():
        return
    PrivacyPolicy.objects.create(
        title=first_policy.TITLE_EN,
        title_en=first_policy.TITLE_EN,
        title_ar=first_policy.TITLE_AR,
        body=first_policy.BODY_EN.strip(),
        body_en=first_policy.BODY_EN.strip(),
        body_ar=first_policy.BODY_AR.strip(),
        change_note="First version.",
        version=1,
        published_at=django.utils.timezone.now(),
    )


class Migration(migrations.Migration):

    dependencies = [
        ("newsroom", "0003_ratelimit"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=_handover.rename_tables("newsroom", "consent", MODELS),
            state_operations=[
                migrations.CreateModel(
                    name='ConsentRecord',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('consent_id', models.CharField(db_index=True, max_length=64, verbose_name='consent id')),
                        ('action', models.CharField(choices=[('accept_all', 'Accepted all'), ('reject_all', 'Rejected all'), ('custom', 'Chose per category'), ('withdraw', 'Withdrew consent')], max_length=20, verbose_name='action')),
                        ('categories', django.contrib.postgres.fields.ArrayField(base_field=models.CharField(max_length=20), blank=True, default=list, verbose_name='accepted categories')),
                        ('policy_version', models.PositiveIntegerField(verbose_name='policy version')),
                        ('language', models.CharField(max_length=8, verbose_name='language')),
                        ('gpc', models.BooleanField(default=False, help_text='The browser sent Sec-GPC: 1, so statistics and marketing were refused.', verbose_name='Global Privacy Control')),
                        ('user_agent_family', models.CharField(blank=True, max_length=40, verbose_name='browser')),
                        ('created_at', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='recorded at')),
                    ],
                    options={
                        'verbose_name': 'consent record',
                        'verbose_name_plural': 'consent records',
                        'ordering': ['-created_at', '-pk'],
                        'get_latest_by': 'created_at',
                        'constraints': [models.CheckConstraint(condition=models.Q(('action__in', ['accept_all', 'reject_all', 'custom', 'withdraw'])), name='consentrecord_action_valid')],
                    },
                ),
                migrations.CreateModel(
                    name='PrivacyPolicy',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(help_text='Shown as the page heading.', max_length=200, verbose_name='title')),
                        ('title_en', models.CharField(help_text='Shown as the page heading.', max_length=200, null=True, verbose_name='title')),
                        ('title_ar', models.CharField(help_text='Shown as the page heading.', max_length=200, null=True, verbose_name='title')),
                        ('body', models.TextField(blank=True, help_text="What the site stores and why, and readers' rights. The list of cookies is added below it automatically from the cookie registry.", verbose_name='text')),
                        ('body_en', models.TextField(blank=True, help_text="What the site stores and why, and readers' rights. The list of cookies is added below it automatically from the cookie registry.", null=True, verbose_name='text')),
                        ('body_ar', models.TextField(blank=True, help_text="What the site stores and why, and readers' rights. The list of cookies is added below it automatically from the cookie registry.", null=True, verbose_name='text')),
                        ('change_note', models.CharField(blank=True, help_text='For the newsroom only: a line on what this version changes.', max_length=300, verbose_name='what changed')),
                        ('version', models.PositiveIntegerField(blank=True, editable=False, help_text='Given on publication.', null=True, unique=True, verbose_name='version')),
                        ('published_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='published at')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                        ('published_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
                    ],
                    options={
                        'verbose_name': 'privacy & cookies policy',
                        'verbose_name_plural': 'privacy & cookies policy versions',
                        'ordering': [models.OrderBy(models.F('version'), descending=True, nulls_first=True), '-created_at'],
                        'permissions': [('publish_privacypolicy', 'Can publish the privacy & cookies policy')],
                        'get_latest_by': 'version',
                        'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('published_at__isnull', True), ('version__isnull', True)), models.Q(('published_at__isnull', False), ('version__isnull', False)), _connector='OR'), name='privacypolicy_version_iff_published')],
                    },
                ),
            ],
        ),
        _handover.move_content_types("newsroom", "consent", MODELS),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
