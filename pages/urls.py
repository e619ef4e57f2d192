from django.urls import path

from . import views

app_name = "pages"

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("account/data/", views.my_data, name="my_data"),
    path("account/data.json", views.my_data_download, name="my_data_download"),
    path("account/delete/", views.account_delete, name="account_delete"),
]
