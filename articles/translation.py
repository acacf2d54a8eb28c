from modeltranslation.translator import TranslationOptions, register

from articles.models import Article, Author, Correction, Image, Section, Tag


@register(Author)
class AuthorTranslationOptions(TranslationOptions):
    fields = ("display_name", "bio")


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("name", "slug")


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("name", "slug")


@register(Image)
class ImageTranslationOptions(TranslationOptions):
    fields = ("alt_text", "caption", "credit")


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = ("headline", "slug", "summary", "body", "source")
    # An article may exist in one language only; Article.clean() asks for at least one headline.
    required_languages = ()


@register(Correction)
class CorrectionTranslationOptions(TranslationOptions):
    fields = ("text",)
    # A correction may concern one language only; Correction.clean() asks for at least one.
    required_languages = ()
