def test_every_page_forbids_inline_scripts_and_other_origins(client_as):
    response = client_as("leader").get("/")

    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


def test_the_login_page_carries_the_policy_too(client, db):
    response = client.get("/accounts/login/")

    assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_pages_are_compressed_for_browsers_that_accept_it(client_as):
    import gzip

    client = client_as("secretary")
    plain = client.get("/")
    packed = client.get("/", headers={"accept-encoding": "gzip, deflate, br"})

    assert "Content-Encoding" not in plain.headers
    assert packed.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed.headers["Vary"]
    html = gzip.decompress(packed.content).decode()
    assert "Cụm thi đua" in html and "Cụm thi đua" in plain.content.decode()
    assert len(packed.content) * 2 < len(plain.content)
