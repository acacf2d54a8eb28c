"""The readership app takes over the daily-reads table the project package created (rows kept;
see ``newsroom/migrations/_handover.py``). ``newsroom`` 0004 forgets the old model."""

import django.db.models.deletion
from django.db import migrations, models

from newsroom.migrations import _handover

MODELS = ["articlereads"]


class Migration(migrations.Migration):

    dependencies = [
        ("newsroom", "0003_ratelimit"),
        ("articles", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=_handover.rename_tables("newsroom", "readership", MODELS),
            state_operations=[
                migrations.CreateModel(
                    name='ArticleReads',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('language', models.CharField(max_length=8, verbose_name='language')),
                        ('day', models.DateField(verbose_name='day')),
                        ('views', models.PositiveIntegerField(default=0, verbose_name='page views')),
                        ('visitors', models.PositiveIntegerField(default=0, help_text='Only readers who accepted statistics cookies are counted.', verbose_name='unique readers')),
                        ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='daily_reads', to='articles.article', verbose_name='article')),
                    ],
                    options={
                        'verbose_name': 'daily article reads',
                        'verbose_name_plural': 'daily article reads',
                        'ordering': ['-day', '-views'],
                        'indexes': [models.Index(fields=['language', 'day'], name='articlereads_lang_day_idx')],
                        'constraints': [models.UniqueConstraint(fields=('article', 'language', 'day'), name='articlereads_unique_day')],
                    },
                ),
            ],
        ),
        _handover.move_content_types("newsroom", "readership", MODELS),
    ]
