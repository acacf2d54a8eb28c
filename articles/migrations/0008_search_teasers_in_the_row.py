"""Teaser search documents stay in the row.

A candidate's teaser is read for every new search term's ranking (articles/search.py). With the
default storage (EXTENDED) PostgreSQL compressed it or moved it out to the TOAST table whenever
the row was over 2 kB, which an article's row nearly always is: 77 % of Arabic teasers (14 % of
English ones) lived out of line in the benchmark's archive, and ranking 200 candidates read some
700 TOAST pages. MAIN keeps a column in the row, uncompressed as long as moving the others out
(bodies, whole documents) makes room, compressed when even that is not enough; a teaser is a
few hundred bytes.

Existing rows are rewritten so their teasers move in: ``|| ''::tsvector`` makes a new value (the
same vector) where assigning the column to itself would keep the old TOAST pointer. The search
trigger fires only on the texts' columns, so nothing is parsed again.
"""

from django.db import migrations

MAIN = """
ALTER TABLE articles_article
  ALTER COLUMN search_teaser_en SET STORAGE MAIN,
  ALTER COLUMN search_teaser_ar SET STORAGE MAIN;
UPDATE articles_article SET
  search_teaser_en = search_teaser_en || ''::tsvector,
  search_teaser_ar = search_teaser_ar || ''::tsvector;
"""

EXTENDED = """
ALTER TABLE articles_article
  ALTER COLUMN search_teaser_en SET STORAGE EXTENDED,
  ALTER COLUMN search_teaser_ar SET STORAGE EXTENDED;
"""


class Migration(migrations.Migration):
    dependencies = [("articles", "0007_search_teaser_documents")]

    operations = [migrations.RunSQL(MAIN, EXTENDED)]
