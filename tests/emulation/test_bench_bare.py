def test_the_bare_view_exists_only_in_the_benchmark_urlconf(client, db, settings):
    assert client.get("/bench/bare/").status_code == 404

    settings.ROOT_URLCONF = "config.bench_urls"
    response = client.get("/bench/bare/")

    assert response.status_code == 200
    assert response.content == b"ok"


def test_the_benchmark_urlconf_still_serves_every_page_behind_the_login(client, db, settings):
    settings.ROOT_URLCONF = "config.bench_urls"

    response = client.get("/clusters/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/clusters/"
