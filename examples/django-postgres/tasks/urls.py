from rest_framework.routers import SimpleRouter

from .views import TaskViewSet

# /tasks and /tasks/{id}, without trailing slashes.
router = SimpleRouter(trailing_slash=False)
router.register("tasks", TaskViewSet, basename="task")

urlpatterns = router.urls
