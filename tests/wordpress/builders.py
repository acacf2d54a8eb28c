"""Small WXR documents for tests that need one particular shape (the big fixtures are files)."""

from xml.sax.saxutils import escape

NAMESPACES = (
    'xmlns:excerpt="http://wordpress.org/export/{v}/excerpt/" '
    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/{v}/"'
)


def cdata(value) -> str:
    return f"<![CDATA[{value}]]>"


def comment(
    wp_id,
    *,
    body="A comment",
    approved="1",
    parent=0,
    date="2017-03-20 11:00:00",
    ip="203.0.113.5",
    kind="comment",
    author="Reader",
    email="reader@example.org",
    url="",
):
    return f"""<wp:comment><wp:comment_id>{wp_id}</wp:comment_id>
<wp:comment_author>{cdata(author)}</wp:comment_author><wp:comment_author_email>{cdata(email)}</wp:comment_author_email>
<wp:comment_author_url>{escape(url)}</wp:comment_author_url><wp:comment_author_IP>{cdata(ip)}</wp:comment_author_IP>
<wp:comment_date>{cdata(date)}</wp:comment_date><wp:comment_date_gmt>{cdata(date)}</wp:comment_date_gmt>
<wp:comment_content>{cdata(body)}</wp:comment_content><wp:comment_approved>{cdata(approved)}</wp:comment_approved>
<wp:comment_type>{cdata(kind)}</wp:comment_type><wp:comment_parent>{parent}</wp:comment_parent>
<wp:comment_user_id>0</wp:comment_user_id></wp:comment>"""


def post(
    wp_id,
    *,
    title="A story",
    content="Some text.",
    slug=None,
    status="publish",
    date="2017-03-20 09:30:00",
    creator="admindiaa",
    categories=(("category", "news", "News"),),
    comments=(),
    post_type="post",
    password="",
    extra="",
):
    slug = f"story-{wp_id}" if slug is None else slug
    cats = "".join(f'<category domain="{d}" nicename="{n}">{cdata(t)}</category>' for d, n, t in categories)
    return f"""<item><title>{escape(title)}</title><link>https://site.example/{date[:4]}/{date[5:7]}/{date[8:10]}/{slug}/</link>
<dc:creator>{cdata(creator)}</dc:creator><guid isPermaLink="false">https://site.example/?p={wp_id}</guid>
<content:encoded>{cdata(content)}</content:encoded><excerpt:encoded>{cdata("")}</excerpt:encoded>
<wp:post_id>{wp_id}</wp:post_id><wp:post_date>{cdata(date)}</wp:post_date><wp:post_date_gmt>{cdata(date)}</wp:post_date_gmt>
<wp:comment_status>{cdata("open")}</wp:comment_status><wp:post_name>{cdata(slug)}</wp:post_name>
<wp:status>{cdata(status)}</wp:status><wp:post_type>{cdata(post_type)}</wp:post_type>
<wp:post_password>{cdata(password)}</wp:post_password><wp:is_sticky>0</wp:is_sticky>{cats}{extra}{"".join(comments)}</item>"""


def author(login="admindiaa", name="admindiaa", email="diaa@site.example"):
    return f"""<wp:author><wp:author_id>1</wp:author_id><wp:author_login>{cdata(login)}</wp:author_login>
<wp:author_email>{cdata(email)}</wp:author_email><wp:author_display_name>{cdata(name)}</wp:author_display_name>
<wp:author_first_name>{cdata("")}</wp:author_first_name><wp:author_last_name>{cdata("")}</wp:author_last_name></wp:author>"""


def category(term_id=3, nicename="news", name="News", parent=""):
    return f"""<wp:category><wp:term_id>{term_id}</wp:term_id><wp:category_nicename>{cdata(nicename)}</wp:category_nicename>
<wp:category_parent>{cdata(parent)}</wp:category_parent><wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>"""


def wxr(*items, version="1.2", header=None, site="https://site.example", language="en-US") -> str:
    header = (author() + category()) if header is None else header
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" {NAMESPACES.format(v=version)}>
<channel><title>Site</title><link>{site}</link><language>{language}</language>
<wp:wxr_version>{version}</wp:wxr_version><wp:base_site_url>{site}</wp:base_site_url><wp:base_blog_url>{site}</wp:base_blog_url>
{header}
{"".join(items)}
</channel></rss>"""


def write(tmp_path, text, name="export.xml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
