from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from comments.models import LISTED_COUNT, Comment
        from comments.signals import announce_deleted_comment, comments_changed

        post_delete.connect(announce_deleted_comment, sender=Comment, dispatch_uid="comments_deleted")
        # Listed articles come with their count of comments ({% comment_counts %}), one query
        # (articles.listings compiles the expression once per language).
        from articles.listings import show_with_listed_articles

        show_with_listed_articles(LISTED_COUNT, Comment.objects.count_per_article)
        # Cached public pages show the approved comments: only a change readers can see makes
        # them stale (a held or spam comment does not).
        try:
            from web.cache import invalidate_public_pages
        except ImportError:  # no page cache in this project
            return
        comments_changed.connect(invalidate_public_pages, dispatch_uid="comments_invalidate_pages")
