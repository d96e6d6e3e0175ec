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
