"""Serializer fields stricter than DRF's defaults, as the contract asks."""

import re

from rest_framework import serializers

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class StrictCharField(serializers.CharField):
    """A CharField that refuses numbers instead of turning them into text."""

    default_error_messages = {"invalid": "Must be a string."}

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("invalid")
        return super().to_internal_value(data)


class IsoDateField(serializers.DateField):
    """Exactly `YYYY-MM-DD`: no timestamps, week dates or single-digit months."""

    def __init__(self, **kwargs):
        kwargs.setdefault("format", "%Y-%m-%d")
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        super().__init__(**kwargs)

    def to_internal_value(self, value):
        if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
            self.fail("invalid", format="YYYY-MM-DD")
        return super().to_internal_value(value)
