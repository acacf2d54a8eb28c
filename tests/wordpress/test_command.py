import io

import pytest
from django.core.management import call_command
from django.core.management.base import OutputWrapper

from articles.models import Article
from wordpress.management.commands.import_wordpress import Command


@pytest.mark.django_db
def test_dry_run_prints_the_report_and_saves_nothing(fixtures):
    out = io.StringIO()
    call_command("import_wordpress", str(fixtures / "polylang-1.2.xml"), "--dry-run", stdout=out)
    assert out.getvalue().startswith("Dry run: nothing was saved.")
    assert not Article.objects.exists()


def test_progress_bar_shows_posts_done_of_total():
    command, err = Command(), io.StringIO()
    command.stderr = OutputWrapper(err)
    command._progress(25, 100)
    assert err.getvalue() == "\r[##########..............................] 25/100 posts"
