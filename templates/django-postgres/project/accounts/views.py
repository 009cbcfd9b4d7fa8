from django.conf import settings
from django.contrib.auth import authenticate
from django.db import IntegrityError, transaction
from rest_framework import exceptions, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import User
from .serializers import LoginSerializer, RegisterSerializer, UserSerializer
from .tokens import create_access_token


class EmailTaken(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "This e-mail address is already registered."
    default_code = "email_taken"


class WrongCredentials(exceptions.APIException):
    # Not AuthenticationFailed: DRF would turn that into a 403 on a view
    # without authentication classes.
    status_code = status.HTTP_401_UNAUTHORIZED
    default_detail = "The e-mail or the password is wrong."
    default_code = "wrong_credentials"
    # DRF's exception handler sends it as WWW-Authenticate: every 401 has one.
    auth_header = "Bearer"


class RegisterView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    def post(self, request: Request) -> Response:
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if User.objects.filter(email=data["email"]).exists():
            raise EmailTaken()
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    email=data["email"], password=data["password"], name=data.get("name") or ""
                )
        except IntegrityError:  # registered by a concurrent request meanwhile
            raise EmailTaken() from None
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


class LoginView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]

    def post(self, request: Request) -> Response:
        serializer = LoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        # For an unknown e-mail, Django's ModelBackend hashes the password all the
        # same, so the answer takes as long as for a wrong password: its timing
        # does not tell who has an account.
        user = authenticate(
            request,
            email=serializer.validated_data["email"],
            password=serializer.validated_data["password"],
        )
        if user is None:
            raise WrongCredentials()
        return Response(
            {
                "accessToken": create_access_token(user),
                "tokenType": "Bearer",
                "expiresIn": settings.ACCESS_TOKEN_TTL_SECONDS,
            }
        )


class MeView(APIView):
    def get(self, request: Request) -> Response:
        return Response(UserSerializer(request.user).data)
