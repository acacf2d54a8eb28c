"""Teaser search documents (headline and summary) beside the whole-article ones.

Search ranks its candidates by their teaser (articles/search.py): ranking the whole document
read every candidate's body vector, kilobytes each. The trigger builds the teaser once and the
whole document from it (``||`` shifts the body's positions as before), so an article's text is
parsed no more often than it was.
"""

import django.contrib.postgres.search
from django.db import migrations

TRIGGER_FUNCTION = """
CREATE OR REPLACE FUNCTION articles_article_search_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_teaser_en :=
       setweight(to_tsvector('english', coalesce(NEW.headline_en, '')), 'A')
    || setweight(to_tsvector('english', coalesce(NEW.summary_en, '')), 'B');
  NEW.search_en :=
       NEW.search_teaser_en
    || setweight(to_tsvector('english', articles_strip_tags(NEW.body_en)), 'C');
  NEW.search_teaser_ar :=
       setweight(to_tsvector('arabic', articles_ar_normalize(NEW.headline_ar)), 'A')
    || setweight(to_tsvector('arabic', articles_ar_normalize(NEW.summary_ar)), 'B');
  NEW.search_ar :=
       NEW.search_teaser_ar
    || setweight(to_tsvector('arabic', articles_ar_normalize(articles_strip_tags(NEW.body_ar))), 'C');
  RETURN NEW;
END
$$;

UPDATE articles_article SET
  search_teaser_en =
       setweight(to_tsvector('english', coalesce(headline_en, '')), 'A')
    || setweight(to_tsvector('english', coalesce(summary_en, '')), 'B'),
  search_teaser_ar =
       setweight(to_tsvector('arabic', articles_ar_normalize(headline_ar)), 'A')
    || setweight(to_tsvector('arabic', articles_ar_normalize(summary_ar)), 'B');
"""

# The function as migration 0002 created it.
PREVIOUS_FUNCTION = """
CREATE OR REPLACE FUNCTION articles_article_search_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_en :=
       setweight(to_tsvector('english', coalesce(NEW.headline_en, '')), 'A')
    || setweight(to_tsvector('english', coalesce(NEW.summary_en, '')), 'B')
    || setweight(to_tsvector('english', articles_strip_tags(NEW.body_en)), 'C');
  NEW.search_ar :=
       setweight(to_tsvector('arabic', articles_ar_normalize(NEW.headline_ar)), 'A')
    || setweight(to_tsvector('arabic', articles_ar_normalize(NEW.summary_ar)), 'B')
    || setweight(to_tsvector('arabic', articles_ar_normalize(articles_strip_tags(NEW.body_ar))), 'C');
  RETURN NEW;
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_search_index_live_only")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_teaser_en",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="article",
            name="search_teaser_ar",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunSQL(TRIGGER_FUNCTION, PREVIOUS_FUNCTION),
    ]
