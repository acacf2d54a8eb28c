"""The newsroom's admin, one module per concern (importing them registers the model admins):

* ``library``: sections, tags, authors, images (and the rich-text editor's picture upload);
* ``article``: ``ArticleAdmin``, its form and saving, built from the mixins below;
* ``forms``: the article form (stale-save check, workflow note), editor widget, upload form;
* ``inlines``: byline, related stories, corrections;
* ``changelist``: the article list's columns, filters and queryset;
* ``translation_state``: the per-language state column and filter;
* ``workflow``: step buttons, the step saved with the form, the step view, bulk actions;
* ``pages``: history, compare, restore, preview and share pages.

"""

from articles.admin import article, library

__all__ = ["article", "library"]
