from django import template

register = template.Library()


@register.simple_tag
def metric(values, key):
    """A statistics value for display: a rate with %, a missing rate as a dash."""
    value = values.get(key)
    if value is None:
        return "—"
    return value
