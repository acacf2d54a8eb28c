from modeltranslation.translator import TranslationOptions, register

from live.models import BreakingAlert, LiveUpdate


@register(LiveUpdate)
class LiveUpdateTranslationOptions(TranslationOptions):
    fields = ("body",)
    # An update may be posted in one language only.
    required_languages = ()


@register(BreakingAlert)
class BreakingAlertTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ()
