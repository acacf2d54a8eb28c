import importlib
from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from live.models import BreakingAlert, LiveBlog, LiveUpdate
from tests.factories import make_article
from tests.workflow.factories import make_role_user as make_articles_role_user


def make_role_user(role, **kw):
    """A staff user in a role group, with the live-coverage permissions of migrations live.0002
    and live.0004 (a transactional test's flush empties the groups)."""
    user = make_articles_role_user(role, **kw)
    for migration in ("0002_roles", "0004_own_updates_roles"):
        importlib.import_module(f"live.migrations.{migration}").grant_roles(Group, Permission)
    return user


def make_live_blog(*, article=None, **kw):
    return LiveBlog.objects.create(article=article or make_article(), **kw)


def make_update(live_blog, *, en="<p>Update in English</p>", ar="<p>تحديث بالعربية</p>", **kw):
    return LiveUpdate.objects.create(live_blog=live_blog, body_en=en, body_ar=ar, **kw)


def make_alert(*, article=None, en="Ceasefire announced", ar="إعلان وقف إطلاق النار", **kw):
    kw.setdefault("expires_at", timezone.now() + timedelta(hours=1))
    return BreakingAlert.objects.create(article=article or make_article(), text_en=en, text_ar=ar, **kw)
