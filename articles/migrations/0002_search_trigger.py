"""Full-text search documents kept up to date by PostgreSQL itself.

A trigger (not save()) fills search_en / search_ar, so bulk inserts, raw SQL and data
migrations are indexed too. Arabic text is normalised first (see articles/search.py).
"""

from django.db import migrations

NORMALIZE = r"""
CREATE OR REPLACE FUNCTION articles_ar_normalize(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT translate(regexp_replace(coalesce(t, ''), '[\u064B-\u065F\u0670\u0640]', '', 'g'),
                   'أإآٱىة', 'اااايه')
$$;

CREATE OR REPLACE FUNCTION articles_strip_tags(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT regexp_replace(regexp_replace(coalesce(t, ''), '<[^>]*>', ' ', 'g'), '&[a-zA-Z#0-9]+;', ' ', 'g')
$$;

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

CREATE TRIGGER articles_article_search
  BEFORE INSERT OR UPDATE OF headline_en, summary_en, body_en, headline_ar, summary_ar, body_ar
  ON articles_article FOR EACH ROW EXECUTE FUNCTION articles_article_search_update();

UPDATE articles_article SET headline_en = headline_en;
"""

DROP = """
DROP TRIGGER IF EXISTS articles_article_search ON articles_article;
DROP FUNCTION IF EXISTS articles_article_search_update();
DROP FUNCTION IF EXISTS articles_strip_tags(text);
DROP FUNCTION IF EXISTS articles_ar_normalize(text);
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0001_initial")]
    operations = [migrations.RunSQL(NORMALIZE, DROP)]
