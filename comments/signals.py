"""Signals other parts of the site may listen to (the page cache, for one)."""

from django.dispatch import Signal

# Sent after the transaction commits whenever what readers see under an article may have
# changed (a comment approved, unapproved, replied to by staff or deleted).
# Keyword arguments: ``article_id`` and ``language``.
comments_changed = Signal()


def announce_deleted_comment(sender, instance, **kwargs):
    """A deleted public comment changes the page it was on (admin delete, erasure, cascades)."""
    from django.db import transaction

    if instance.status == "approved":
        transaction.on_commit(
            lambda: comments_changed.send(
                sender=sender, article_id=instance.article_id, language=instance.language
            ),
            robust=True,
        )
