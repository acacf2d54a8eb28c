"""Factories and helpers for the editorial-workflow tests: role users, drafts, and a tiny
"browser" that submits an admin form the way Chromium would (disabled fields left out)."""

import importlib
from html.parser import HTMLParser

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from articles.models import Status
from tests.factories import make_article, make_author, make_user

ROLES = ("writer", "editor", "moderator", "translator")


def ensure_roles():
    """The groups of migration articles.0004 (a transactional test's flush empties them)."""
    roles = importlib.import_module("articles.migrations.0004_editorial_roles")
    # Other apps' migrations (live) create some of the same groups: check for every role.
    if Group.objects.filter(name__in=roles.ROLE_PERMISSIONS).count() < len(roles.ROLE_PERMISSIONS):
        roles.grant_roles(Group, Permission)


def make_role_user(role, **kw):
    """A staff user in one of the groups created by migration articles.0004."""
    ensure_roles()
    user = make_user(is_staff=True, **kw)
    user.groups.add(Group.objects.get(name=role))
    return user


def make_draft(*, by=None, languages=("en",), status=Status.DRAFT, **kw):
    """An unpublished article, created by ``by`` and carrying their byline."""
    authors = kw.pop("authors", None)
    if authors is None:
        authors = [make_author(user=by)] if by is not None else None
    return make_article(
        languages=languages, status=status, publish_at=None, created_by=by, authors=authors, **kw
    )


class _FormParser(HTMLParser):
    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields = []
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            return
        if not self.inside or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = [name, None, "multiple" in attrs]
        elif tag == "option" and self._select is not None and "selected" in attrs:
            self.fields.append((self._select[0], attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select":
            self._select = None


def form_data(response, form_id="article_form"):
    """The fields a browser would submit from ``form_id`` on this page, as a dict of lists."""
    parser = _FormParser(form_id)
    parser.feed(response.content.decode())
    data = {}
    for name, value in parser.fields:
        # Textareas start with a newline Django adds; browsers drop it.
        data.setdefault(name, []).append(value[1:] if value.startswith("\n") else value)
    return data


def post_article_form(client, article=None, *, button=None, **changes):
    """Load the add/change page like a browser, change some fields, press a button."""
    url = (
        reverse("admin:articles_article_change", args=[article.pk])
        if article
        else reverse("admin:articles_article_add")
    )
    page = client.get(url)
    assert page.status_code == 200, page.status_code
    data = form_data(page)
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    if button:
        data.update({name: [value] for name, value in button.items()})
    else:
        data["_save"] = ["Save"]
    return client.post(url, data)


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def errors(response):
    """The form and inline errors of an admin page that did not save, for assertion messages."""
    context = response.context
    if context is None or "adminform" not in context:
        return response.status_code
    found = {"form": context["adminform"].form.errors}
    for formset in context.get("inline_admin_formsets", []):
        found[formset.formset.prefix] = [formset.formset.errors, formset.formset.non_form_errors()]
    return found
