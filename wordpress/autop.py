"""WordPress's paragraph rule (``wpautop``), ported from wp-includes/formatting.php.

Classic-editor posts are stored with bare line breaks: a blank line is a paragraph and a
single line break a ``<br />``; WordPress adds the tags only when it displays the post. No
maintained PyPI package does this (the few ports are abandoned), so this is a small port of
the PHP function, step for step, without the parts for tags our sanitiser drops anyway
(``<object>``, ``<option>``, ``<source>``). Block-editor content is never passed through it,
as WordPress itself does not either.
"""

import re

_ALL_BLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre"
    r"|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article"
    r"|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)"
)
_PRE = re.compile(r"<pre[\s>].*?</pre>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^<>]*>")
_NL_MARK = " <!-- wpnl --> "


def _keep_newlines_in_tags(text: str) -> str:
    """A line break inside a tag (between attributes) is not a paragraph break."""
    return _TAG.sub(lambda m: m.group(0).replace("\n", _NL_MARK), text)


def wpautop(text: str, br: bool = True) -> str:
    if not text.strip():
        return ""
    text += "\n"
    pre_tags = {}
    if "<pre" in text:

        def stash(match):
            key = f"<pre wp-pre-tag-{len(pre_tags)}></pre>"
            pre_tags[key] = match.group(0)
            return key

        text = _PRE.sub(stash, text)

    text = re.sub(r"<br\s*/?>\s*<br\s*/?>", "\n\n", text)
    text = re.sub(rf"(<{_ALL_BLOCKS}[\s/>])", r"\n\n\1", text)
    text = re.sub(rf"(</{_ALL_BLOCKS}>)", r"\1\n\n", text)
    text = re.sub(r"(<hr\s*?/?>)", r"\1\n\n", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _keep_newlines_in_tags(text)
    if "<figcaption" in text:
        text = re.sub(r"\s*(<figcaption[^>]*>)", r"\1", text)
        text = re.sub(r"</figcaption>\s*", "</figcaption>", text)
    text = re.sub(r"\n\n+", "\n\n", text)

    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p]
    text = "".join("<p>" + p.strip("\n") + "</p>\n" for p in paragraphs)

    text = re.sub(r"<p>\s*</p>", "", text)
    text = re.sub(r"<p>([^<]+)</(div|address|form)>", r"<p>\1</p></\2>", text)
    text = re.sub(rf"<p>\s*(</?{_ALL_BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    text = re.sub(r"<p>(<li.+?)</p>", r"\1", text)
    text = re.sub(r"<p><blockquote([^>]*)>", r"<blockquote\1><p>", text, flags=re.IGNORECASE)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = re.sub(rf"<p>\s*(</?{_ALL_BLOCKS}[^>]*>)", r"\1", text)
    text = re.sub(rf"(</?{_ALL_BLOCKS}[^>]*>)\s*</p>", r"\1", text)
    if br:
        text = re.sub(
            r"<(script|style|svg|math).*?</\1>",
            lambda m: m.group(0).replace("\n", "<WPPreserveNewline />"),
            text,
            flags=re.DOTALL,
        )
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
        text = re.sub(r"(?<!<br />)\s*\n", "<br />\n", text)
        text = text.replace("<WPPreserveNewline />", "\n")
    text = re.sub(rf"(</?{_ALL_BLOCKS}[^>]*>)\s*<br />", r"\1", text)
    text = re.sub(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", r"\1", text)
    text = re.sub(r"\n</p>$", "</p>", text)
    for key, original in pre_tags.items():
        text = text.replace(key, original)
    return text.replace(_NL_MARK, "\n").replace("<!-- wpnl -->", "\n")
