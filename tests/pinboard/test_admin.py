"""The site admin sees pinboard posts (with answers and reports) and news in Django admin."""

import pytest

from news.models import NewsItem
from pinboard.models import Answer, Post, Report
from tests.factories import NetworkFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_admin_lists_and_shows_posts_and_news(client):
    admin = UserFactory(is_staff=True, is_superuser=True)
    network = NetworkFactory()
    post = Post.objects.create(
        organisation=OrganisationFactory(), kind=Post.Kind.TRAINING, title="Fortbildung", text="x"
    )
    post.networks.add(network)
    Answer.objects.create(post=post, author=admin, text="Gern")
    Report.objects.create(post=post, reported_by=admin, reason="Name genannt")
    news = NewsItem.objects.create(network=network, title="Neuigkeit", text="y")
    client.force_login(admin)
    for path, text in [
        ("/admin/pinboard/post/", "Fortbildung"),
        (f"/admin/pinboard/post/{post.pk}/change/", "Name genannt"),
        ("/admin/news/newsitem/", "Neuigkeit"),
        (f"/admin/news/newsitem/{news.pk}/change/", "Neuigkeit"),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert text in response.content.decode(), path
