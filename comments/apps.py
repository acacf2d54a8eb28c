from django.apps import AppConfig
from django.db.models.signals import post_delete
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from comments.models import Comment
        from comments.signals import announce_deleted_comment

        post_delete.connect(announce_deleted_comment, sender=Comment, dispatch_uid="comments_deleted")
