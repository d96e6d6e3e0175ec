"""What the allowed users see and what the pages store."""

import datetime
import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clusters.evaluation.minutes import minutes_save, minutes_sign
from clusters.evaluation.votes import vote_create, vote_record_counts
from clusters.models import Minutes, Score, Vote
from emulation.models import AuditEntry, AwardTitle
from tests.clusters.evaluation.conftest import D
from tests.html import link_texts


def zip_bytes(*names):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return out.getvalue()


def docx_bytes():
    return zip_bytes("[Content_Types].xml", "word/document.xml")


def url(name, world, *extra):
    return reverse(f"clusters:{name}", args=[world.cluster.pk, world.year, *extra])


def cell(unit, criterion, self="", agreed="", comment="", version="0"):
    prefix = f"c-{unit.pk}-{criterion.pk}"
    return {
        f"{prefix}-self": self,
        f"{prefix}-agreed": agreed,
        f"{prefix}-comment": comment,
        f"{prefix}-v": version,
    }


def test_grid_shows_inputs_to_the_secretary_and_values_only_to_the_leader(
    client_as, world, table, save
):
    save({(world.units[0], table.c["c1"]): (6, 5.5)})
    prefix = f"c-{world.units[0].pk}-{table.c['c1'].pk}"
    html = client_as("secretary").get(url("scores", world)).content.decode()
    assert f'name="{prefix}-agreed" value="5,5"' in html  # the Vietnamese decimal comma
    assert "Lưu cả bảng điểm" in html
    html = client_as("leader").get(url("scores", world)).content.decode()
    assert f'name="{prefix}-agreed"' not in html
    assert "6 / <strong>5,5</strong>" in html


def test_each_grid_cell_has_its_own_urls_and_named_inputs(client_as, world, table):
    unit, criterion = world.units[1], table.c["c2"]
    html = client_as("secretary").get(url("scores", world)).content.decode()
    assert f'data-save-url="{url("score_cell", world, unit.pk, criterion.pk)}"' in html
    assert f'data-cells-url="{url("score_cells", world)}"' in html
    assert f'href="{url("score_evidence", world, unit.pk, criterion.pk)}"' in html
    label = f"{unit.name} – tiêu chí {criterion.code} – "
    assert f'aria-label="{label}điểm tự chấm"' in html
    assert f'aria-label="{label}điểm cụm chấm"' in html
    assert f'aria-label="{label}nhận xét"' in html


def test_saving_the_grid_with_a_refused_cell_keeps_every_typed_value_and_the_message(
    client_as, world, table
):
    a, b = world.units[0], world.units[1]
    data = {
        **cell(a, table.c["c1"], "6", "5", "Tốt"),
        **cell(b, table.c["c3"], "4", "3"),
        **cell(b, table.c["c1"], "abc", "1"),
    }
    response = client_as("secretary").post(url("scores", world), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert Score.objects.count() == 0
    assert f'name="c-{a.pk}-{table.c["c1"].pk}-comment" value="Tốt"' in html
    assert f'name="c-{b.pk}-{table.c["c3"].pk}-agreed" value="3"' in html
    assert f'name="c-{b.pk}-{table.c["c1"].pk}-self" value="abc"' in html
    assert "“abc” không phải là số." in html
    response = client_as("secretary").post(
        url("scores", world),
        {**cell(a, table.c["c1"], "6", "5", "Tốt"), **cell(b, table.c["c3"], "4", "3")},
    )
    html = response.content.decode()
    assert "Tiêu chí chấm theo mức: chỉ nhận 0; 2; 4." in html
    cell_html = re.search(rf'<td id="cell-c-{b.pk}-{table.c["c3"].pk}".*?</td>', html, re.S)
    assert "Tiêu chí chấm theo mức" in cell_html.group(0)
    assert Score.objects.count() == 0


def test_saving_a_valid_grid_stores_it_in_one_post_and_redirects(client_as, world, table):
    a, b = world.units[0], world.units[1]
    response = client_as("staff").post(
        url("scores", world),
        {**cell(a, table.c["c1"], "6", "5,5", "Tốt"), **cell(b, table.c["c3"], "4", "4")},
    )
    assert response.status_code == 302
    assert sorted(
        (s.unit_id, s.self_score, s.agreed_score, s.comment) for s in Score.objects.all()
    ) == sorted([(a.pk, D(6), D("5.5"), "Tốt"), (b.pk, D(4), D(4), "")])


def test_htmx_cell_save_answers_with_the_cells_new_version_or_its_message(client_as, world, table):
    a = world.units[0]
    client = client_as("secretary")
    ok = client.post(
        url("score_cell", world, a.pk, table.c["c1"].pk),
        cell(a, table.c["c1"], "6", "5"),
        HTTP_HX_REQUEST="true",
    )
    html = ok.content.decode()
    assert f'<input type="hidden" name="c-{a.pk}-{table.c["c1"].pk}-v" value="1">' in html
    assert "Đã lưu" in html
    assert Score.objects.get().agreed_score == D(5)
    again = client.post(
        url("score_cell", world, a.pk, table.c["c1"].pk),
        cell(a, table.c["c1"], "6", "4", version="1"),
    )
    assert f'name="c-{a.pk}-{table.c["c1"].pk}-v" value="2"' in again.content.decode()
    refused = client.post(
        url("score_cell", world, a.pk, table.c["c3"].pk), cell(a, table.c["c3"], "4", "4")
    )
    html = refused.content.decode()
    assert "Tổng điểm cụm chấm nhóm I là 8, vượt điểm tối đa 8 của nhóm." not in html
    assert "Tổng điểm tự chấm nhóm I là 10, vượt điểm tối đa 8 của nhóm." in html
    assert "Đã lưu" not in html
    assert Score.objects.count() == 1


def test_ranking_page_shows_ties_and_the_server_drawn_chart(client_as, world, table, save):
    a, b, c = world.units
    save({(a, table.c["c1"]): (5, 5), (b, table.c["c1"]): (5, 5), (c, table.c["c1"]): (3, 3)})
    html = client_as("leader").get(url("ranking", world)).content.decode()
    assert html.count('title="Bằng điểm">=</span>') == 2
    assert html.count('<rect class="chart-bar"') == 3
    assert "style=" not in html
    assert html.count("Chưa đăng ký danh hiệu") == 3


def flag(world):
    """The ministry's flag, its threshold lowered to 60 % for this three-unit cluster: a
    unit never votes for itself, so 2 of 3 (66.67 %) is the most a candidate can get."""
    title = AwardTitle.objects.get(
        regime=world.cluster_year.emulation_year.regime, code="co-thi-dua-bo"
    )
    title.vote_threshold = 60
    title.save(update_fields=["vote_threshold"])
    return title


def test_running_totals_of_an_open_vote_are_hidden_from_everyone_but_the_secretary(
    client_as, world
):
    vote = vote_create(
        actor=world.users.secretary, cluster_year=world.cluster_year, award_title=flag(world)
    )
    vote.cluster_year = world.cluster_year
    vote_record_counts(
        actor=world.users.secretary,
        vote=vote,
        expected_version=vote.version,
        voters_entitled=3,
        ballots_cast=3,
        valid_ballots=3,
        quota=1,
        votes={world.units[0].pk: 2},
    )
    page = url("vote", world, vote.pk)
    for role in ("staff", "leader"):
        html = client_as(role).get(page).content.decode()
        assert 'id="vote-hidden"' in html
        assert 'id="vote-counts"' not in html
    html = client_as("secretary").get(page).content.decode()
    assert 'id="vote-counts"' in html
    assert "66,67%" in html


def test_the_secretary_enters_counts_and_closes_the_vote_through_the_pages(client_as, world):
    client = client_as("secretary")
    client.post(url("votes", world), {"award_title": flag(world).pk})
    vote = Vote.objects.get()
    data = {
        "version": vote.version,
        "voters_entitled": 3,
        "ballots_cast": 3,
        "valid_ballots": 3,
        "quota": 1,
        **{f"unit_{u.pk}": v for u, v in zip(world.units, (2, 1, 0), strict=True)},
    }
    bad = client.post(url("vote", world, vote.pk), {**data, "valid_ballots": 4})
    assert "Số phiếu hợp lệ không được lớn hơn số phiếu phát ra." in bad.content.decode()
    assert client.post(url("vote", world, vote.pk), data).status_code == 302
    vote.refresh_from_db()
    assert (
        client.post(url("vote_close", world, vote.pk), {"version": vote.version}).status_code == 302
    )
    assert list(vote.counts.filter(nominated=True).values_list("unit", flat=True)) == [
        world.units[0].pk
    ]
    html = client_as("leader").get(url("vote", world, vote.pk)).content.decode()
    assert "Được suy tôn" in html


def test_the_tie_break_form_asks_the_chair_among_the_tied_units(client_as, world):
    vote = vote_create(
        actor=world.users.secretary, cluster_year=world.cluster_year, award_title=flag(world)
    )
    vote.cluster_year = world.cluster_year
    vote = vote_record_counts(
        actor=world.users.secretary,
        vote=vote,
        expected_version=vote.version,
        voters_entitled=3,
        ballots_cast=3,
        valid_ballots=3,
        quota=1,
        votes={world.units[0].pk: 2, world.units[1].pk: 2},
    )
    client = client_as("secretary")
    html = client.get(url("vote", world, vote.pk)).content.decode()
    assert 'name="tie_break_units"' in html
    response = client.post(
        url("vote_close", world, vote.pk),
        {
            "version": vote.version,
            "tie_break_units": [world.units[1].pk],
            "tie_break_note": "Chủ trì chọn Trường số 2",
        },
    )
    assert response.status_code == 302
    assert AuditEntry.objects.get(action="vote_close_tie_break").reason == (
        "Chủ trì chọn Trường số 2"
    )


def minutes_post(world, **extra):
    data = {
        "held_on": "2021-12-14",
        "place": "Hà Nội",
        "chair_name": "Nguyễn Văn A",
        "chair_position": "Thứ trưởng",
        "secretary_name": "Trần Thị B",
        "agenda": "1. Tổng kết",
        "version": "",
    }
    for unit in world.units:
        data.update(
            {
                f"present_{unit.pk}": "on",
                f"name_{unit.pk}": f"Đại diện {unit.name}",
                f"position_{unit.pk}": "Hiệu trưởng",
            }
        )
    return {**data, **extra}


def test_minutes_are_written_then_signed_which_freezes_the_grid(client_as, world, table):
    client = client_as("secretary")
    assert client.post(url("minutes_edit", world), minutes_post(world)).status_code == 302
    minutes = Minutes.objects.get()
    assert minutes.attendance.count() == 3
    assert client.post(url("minutes_sign", world), {"version": minutes.version}).status_code == 302
    html = client.get(url("minutes", world)).content.decode()
    assert "Đã ký" in html
    grid = client.get(url("scores", world)).content.decode()
    assert "Lưu cả bảng điểm" not in grid
    refused = client.post(
        url("score_cell", world, world.units[0].pk, table.c["c1"].pk),
        cell(world.units[0], table.c["c1"], "1", "1"),
    )
    assert "đã được khóa" in refused.content.decode()
    assert Score.objects.count() == 0


def test_staff_unfreezes_with_a_reason(client_as, world):
    minutes = minutes_save(
        actor=world.users.secretary,
        cluster_year=world.cluster_year,
        expected_version=None,
        data={
            "held_on": datetime.date(2021, 12, 14),
            "place": "Hà Nội",
            "chair_name": "A",
            "chair_position": "",
            "secretary_name": "B",
            "agenda": "",
        },
        attendance={world.units[0].pk: (True, "", "")},
    )
    minutes_sign(actor=world.users.secretary, minutes=minutes, expected_version=minutes.version)
    minutes.refresh_from_db()
    client = client_as("staff")
    empty = client.post(url("minutes_unsign", world), {"version": minutes.version, "reason": ""})
    assert "Trường này là bắt buộc." in empty.content.decode()
    response = client.post(
        url("minutes_unsign", world), {"version": minutes.version, "reason": "Nhập sai điểm"}
    )
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.state == Minutes.State.DRAFT


def test_cluster_page_panel_shows_ranking_chart_and_signed_state(client_as, world, table, save):
    save({(world.units[0], table.c["c1"]): (5, 5)})
    html = (
        client_as("leader")
        .get(reverse("clusters:detail", args=[world.cluster.pk]) + f"?year={world.year}")
        .content.decode()
    )
    assert 'id="evaluation-panel"' in html
    assert html.count('<rect class="chart-bar"') == 1
    assert "Chưa lập biên bản" in html


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "virus.exe",
            b"MZ\x90\x00",
            "Chỉ nhận tệp PDF, ảnh (PNG, JPG, GIF, WEBP) hoặc văn bản "
            "Office (Word, Excel, PowerPoint).",
        ),
        (
            "gia.pdf",
            b"MZ\x90\x00 not a pdf",
            "Nội dung tệp không khớp với đuôi .pdf: tệp có thể bị đổi tên hoặc hỏng.",
        ),
        (
            "nen.docx",
            zip_bytes("khac.txt"),
            "Nội dung tệp không khớp với đuôi .docx: tệp có thể bị đổi tên hoặc hỏng.",
        ),
        (
            "anh.png",
            b"\xff\xd8\xff\xe0 jpeg bytes",
            "Nội dung tệp không khớp với đuôi .png: tệp có thể bị đổi tên hoặc hỏng.",
        ),
    ],
)
def test_evidence_of_the_wrong_type_is_refused_at_the_field(
    client_as, world, table, name, content, message
):
    page = url("score_evidence", world, world.units[0].pk, table.c["c1"].pk)
    response = client_as("secretary").post(page, {"file": SimpleUploadedFile(name, content)})
    assert message in response.content.decode()
    assert Score.objects.count() == 0


def test_evidence_over_the_size_limit_is_refused(client_as, world, table, settings):
    settings.EVIDENCE_MAX_BYTES = 10
    page = url("score_evidence", world, world.units[0].pk, table.c["c1"].pk)
    response = client_as("secretary").post(
        page, {"file": SimpleUploadedFile("kh.pdf", b"%PDF-1.4 " + b"x" * 20)}
    )
    assert "Tệp lớn hơn mức cho phép 10\xa0byte." in response.content.decode()


@pytest.mark.parametrize(
    ("name", "content", "stored_type"),
    [
        ("Kế hoạch.pdf", b"%PDF-1.7 ...", "application/pdf"),
        ("anh.jpg", b"\xff\xd8\xff\xe0...", "image/jpeg"),
        (
            "bao-cao.docx",
            docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ],
)
def test_evidence_is_stored_and_downloaded_only_through_the_checked_view(
    client_as, world, table, name, content, stored_type
):
    page = url("score_evidence", world, world.units[0].pk, table.c["c1"].pk)
    assert (
        client_as("secretary").post(page, {"file": SimpleUploadedFile(name, content)}).status_code
        == 302
    )
    evidence = Score.objects.get().evidence.get()
    assert (evidence.original_name, evidence.content_type) == (name, stored_type)
    download = url("evidence_download", world, evidence.pk)
    response = client_as("leader").get(download)
    assert b"".join(response.streaming_content) == content
    assert client_as("other_secretary").get(download).status_code == 404
    assert AuditEntry.objects.filter(action="evidence_add").count() == 1


def test_counts_posted_to_a_closed_vote_are_refused_with_a_visible_message(client_as, world):
    vote = vote_create(
        actor=world.users.secretary, cluster_year=world.cluster_year, award_title=flag(world)
    )
    Vote.objects.filter(pk=vote.pk).update(state=Vote.State.CLOSED)
    data = {
        "version": vote.version,
        "voters_entitled": 3,
        "ballots_cast": 3,
        "valid_ballots": 3,
        "quota": 1,
        **{f"unit_{u.pk}": 1 for u in world.units},
    }
    html = client_as("secretary").post(url("vote", world, vote.pk), data).content.decode()
    assert "Cuộc bỏ phiếu này đã kết thúc." in html
    assert list(vote.counts.values_list("votes", flat=True)) == [0, 0, 0]


def test_every_year_end_page_leads_on_to_the_proposal_and_the_report(client_as, world):
    response = client_as("leader").get(url("minutes", world))
    proposals = reverse("awards:list") + f"?year={world.year}"
    report = reverse("reports:cluster", args=[world.cluster.pk, world.year])
    assert link_texts(response, re.escape(proposals)) == ["Hồ sơ đề nghị khen thưởng"]
    assert link_texts(response, re.escape(report)) == ["Báo cáo tổng kết"]


def test_minutes_show_a_representative_without_a_name_by_position_alone(client_as, world):
    first, second = world.units[0], world.units[1]
    data = minutes_post(world, **{f"name_{first.pk}": "", f"position_{second.pk}": ""})
    client = client_as("secretary")
    assert client.post(url("minutes_edit", world), data).status_code == 302
    html = client.get(url("minutes", world)).content.decode()
    assert f"<td>{first.name}</td><td>Có</td><td>Hiệu trưởng</td>" in html
    assert f"<td>Đại diện {second.name}</td></tr>" in html
    assert ", Hiệu trưởng</td>" not in html.replace(f"Đại diện {world.units[2].name}, ", "")


def test_minutes_list_the_attending_units_in_vietnamese_order(client_as, world):
    names = ["Trường Cao đẳng Luật", "Tạp chí Pháp luật", "Học viện"]
    for unit, name in zip(world.units, names, strict=True):
        unit.name = name
        unit.save()
    client = client_as("secretary")
    assert client.post(url("minutes_edit", world), minutes_post(world)).status_code == 302
    html = client.get(url("minutes", world)).content.decode()
    rows = re.findall(r"<tr><td>([^<]+)</td><td>Có</td>", html)
    assert rows == ["Học viện", "Tạp chí Pháp luật", "Trường Cao đẳng Luật"]


def test_a_pasted_block_saves_the_valid_cells_in_one_change_and_answers_each_cell(
    client_as, world, table
):
    from emulation.models import AuditEntry

    a, b, c = world.units
    data = {
        **cell(a, table.c["c1"], "6", "4,5"),
        **cell(b, table.c["c1"], "5", "5"),
        **cell(c, table.c["c3"], "", "3"),  # graded: 0, 2 or 4 only
        **cell(c, table.c["c1"], "", "nhiều"),
    }
    response = client_as("secretary").post(url("score_cells", world), data)
    html = response.content.decode()
    parts = dict(re.findall(r'<div data-cell="([^"]+)">(.*?)</div>\n', html, re.S))
    prefix = {key: f"c-{u.pk}-{table.c[k].pk}" for key, u, k in
              [("a1", a, "c1"), ("b1", b, "c1"), ("c3", c, "c3"), ("c1", c, "c1")]}  # fmt: skip
    assert set(parts) == set(prefix.values())
    assert "Đã lưu" in parts[prefix["a1"]]
    assert "Đã lưu" in parts[prefix["b1"]]
    assert "Tiêu chí chấm theo mức: chỉ nhận 0; 2; 4." in parts[prefix["c3"]]
    assert "“nhiều” không phải là số." in parts[prefix["c1"]]
    assert {(s.unit_id, s.criterion_id): s.agreed_score for s in Score.objects.all()} == {
        (a.pk, table.c["c1"].pk): D("4.5"),
        (b.pk, table.c["c1"].pk): D(5),
    }
    assert AuditEntry.objects.filter(action="scores_update").count() == 1
    assert f'name="{prefix["a1"]}-v" value="1"' in parts[prefix["a1"]]
