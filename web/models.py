"""Shared web plumbing that needs a table: the rate-limit counters."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RateLimitWindow(models.Model):
    """One client's request count in one fixed window (see web.ratelimit); unlogged."""

    key = models.CharField(max_length=100)
    window_start = models.DateTimeField()
    hits = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("rate-limit window")
        verbose_name_plural = _("rate-limit windows")
        constraints = [models.UniqueConstraint(fields=["key", "window_start"], name="ratelimit_key_window")]
        # Each hit forgets the windows that started over a day before its own (web.ratelimit.hit):
        # a range of this index.
        indexes = [models.Index(fields=["window_start"], name="ratelimit_window_start")]
        db_table = "web_ratelimit"

    def __str__(self):
        return f"{self.key} {self.window_start:%H:%M:%S} {self.hits}"
