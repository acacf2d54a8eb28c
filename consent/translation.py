from modeltranslation.translator import TranslationOptions, register

from consent.models import PrivacyPolicy


@register(PrivacyPolicy)
class PrivacyPolicyTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    # Drafts may be written one language at a time; publishing demands both (check_publishable).
    required_languages = ()
