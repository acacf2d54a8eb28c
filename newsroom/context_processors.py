from django.conf import settings


def site(request):
    """Site-wide names every template may use."""
    return {"SITE_NAME": settings.SITE_NAME}
