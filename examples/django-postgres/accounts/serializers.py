from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from core.fields import StrictCharField

from .models import User


class UserSerializer(serializers.ModelSerializer):
    id = serializers.CharField(read_only=True)
    createdAt = serializers.DateTimeField(source="date_joined", read_only=True)

    class Meta:
        model = User
        fields = ["id", "email", "name", "createdAt"]
        read_only_fields = fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["name"] = data["name"] or None  # no name is null on the wire
        return data


class RegisterSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    password = StrictCharField(write_only=True, trim_whitespace=False)
    name = StrictCharField(required=False, allow_blank=True, allow_null=True, max_length=150)

    def validate_email(self, value: str) -> str:
        return User.objects.normalize_email(value)

    def validate_password(self, value: str) -> str:
        # The validators of settings.AUTH_PASSWORD_VALIDATORS (8 characters at least).
        try:
            password_validation.validate_password(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(list(exc.messages)) from None
        return value


class LoginSerializer(serializers.Serializer):
    email = StrictCharField()
    password = StrictCharField(trim_whitespace=False)
