from django.urls import path

from comments import views

app_name = "comments"
urlpatterns = [
    path("post/<int:article_id>/", views.post_comment, name="post"),
    path("reply/<int:comment_id>/", views.reply, name="reply"),
    path("<int:comment_id>/", views.permalink, name="permalink"),
]
