"""Reads about citizen accounts."""


def is_citizen(user) -> bool:
    return getattr(user, "is_authenticated", False) and hasattr(user, "citizen_profile")
