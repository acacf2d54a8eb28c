from datetime import timedelta

from django.utils import timezone

from live.models import BreakingAlert, LiveBlog, LiveUpdate
from tests.factories import make_article


def make_live_blog(*, article=None, **kw):
    return LiveBlog.objects.create(article=article or make_article(), **kw)


def make_update(live_blog, *, en="<p>Update in English</p>", ar="<p>تحديث بالعربية</p>", **kw):
    return LiveUpdate.objects.create(live_blog=live_blog, body_en=en, body_ar=ar, **kw)


def make_alert(*, article=None, en="Ceasefire announced", ar="إعلان وقف إطلاق النار", **kw):
    kw.setdefault("expires_at", timezone.now() + timedelta(hours=1))
    return BreakingAlert.objects.create(article=article or make_article(), text_en=en, text_ar=ar, **kw)
