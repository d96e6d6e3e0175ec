import pytest


@pytest.mark.parametrize("accept_language", ["", "en-US,en;q=0.9"])
def test_pages_speak_vietnamese_unless_english_was_chosen(client_as, accept_language):
    client = client_as("leader")

    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.headers["Content-Language"] == "vi"
    assert "Trang chủ" in response.content.decode()


def test_choosing_english_switches_the_interface_and_back(client_as):
    client = client_as("leader")

    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = client.get("/")
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    vietnamese = client.get("/")

    assert english.headers["Content-Language"] == "en"
    assert "Home" in english.content.decode()
    assert vietnamese.headers["Content-Language"] == "vi"
    assert "Trang chủ" in vietnamese.content.decode()


def test_in_english_a_cluster_is_one_emulation_cluster_and_the_menu_lists_clusters(
    client_as, world
):
    client = client_as("leader")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    html = client.get(world.cluster.get_absolute_url()).content.decode()

    assert f"{world.ministry.name} · Emulation cluster</div>" in html
    assert ">Emulation clusters</a>" in html
