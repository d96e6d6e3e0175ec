"""Each template filled with the Cụm thi đua số 2 example (docs/domain.md §7), for a ministry to
see what goes where. From the news report of 14/12/2020: the ministry, the cluster, its ten
units and the two people who lead it in 2021. Invented (the report is silent): the codes,
the other people, their positions and records, the units' figures and the accounts."""

from emulation.demo import CLUSTER_2_UNITS, unit_code

YEAR = 2021
PEOPLE = [
    # code, full name, gender, position, unit short name — the first two from the report
    ("BTP-CB-0001", "Hoàng Xuân Châu", "male", "Quyền Hiệu trưởng", "CĐLMB"),
    ("BTP-CB-0002", "Đặng Vũ Huân", "male", "Tổng Biên tập", "TCDCPL"),
    ("BTP-CB-0003", "Nguyễn Thị Mai Anh", "female", "Trưởng phòng Tổ chức cán bộ", "ĐHLHN"),
    ("BTP-CB-0004", "Trần Văn Bình", "male", "Giảng viên chính", "HVTP"),
    ("BTP-CB-0005", "Lê Thị Hồng Nhung", "female", "Phóng viên", "BPLVN"),
    ("BTP-CB-0006", "Phạm Quang Đức", "male", "Nghiên cứu viên", "VKHPL"),
]
RECORDS = {
    "BTP-CB-0001": {"task_rating": "excellent", "has_initiative": True},
    "BTP-CB-0002": {"task_rating": "excellent", "research_accepted": True},
    "BTP-CB-0003": {"task_rating": "good"},
    "BTP-CB-0004": {"task_rating": "excellent", "has_initiative": True},
    "BTP-CB-0005": {"task_rating": "good"},
    "BTP-CB-0006": {"task_rating": "completed"},
}


def _units():
    return [
        {"code": unit_code(short), "name": name, "short_name": short, "parent": "", "kind": kind}
        for name, short, kind in CLUSTER_2_UNITS
    ]


def _unit_years(index, unit):
    staff = 40 + 7 * index
    return {
        "unit_code": unit["code"],
        "unit_name": unit["name"],
        "year": YEAR,
        "task_rating": "excellent" if index % 3 == 0 else "good",
        "staff_count": staff,
        "completed_count": staff,
        "advanced_count": staff * 4 // 5,
        "grassroots_fighter_count": staff // 10,
        "disciplined_count": 0,
        "pending_review": False,
    }


def rows_for(slug):
    units = _units()
    names = {u["short_name"]: u for u in units}
    if slug == "units":
        return units
    if slug == "clusters":
        return [
            {
                "year": YEAR,
                "kind": "cum",
                "number": 2,
                "name": "Cụm thi đua số 2",
                "unit_code": u["code"],
                "unit_name": u["name"],
            }
            for u in units
        ]
    if slug == "people":
        return [
            {
                "code": code,
                "full_name": name,
                "gender": gender,
                "position": position,
                "unit_code": names[short]["code"],
                "unit_name": names[short]["name"],
            }
            for code, name, gender, position, short in PEOPLE
        ]
    if slug == "person-years":
        return [
            {"person_code": code, "full_name": name, "year": YEAR, **RECORDS[code]}
            for code, name, *_rest in PEOPLE
        ]
    if slug in ("unit-years", "staff-counts"):
        return [_unit_years(i, unit) for i, unit in enumerate(units)]
    if slug == "accounts":
        return [
            {
                "username": "thuky.cum2",
                "full_name": "Nguyễn Thị Thu Hà",
                "email": "thuky.cum2@example.org",
                "role": "cluster_secretary",
                "cluster_kind": "cum",
                "cluster_number": 2,
            },
            {
                "username": "lanhdao.cum2",
                "full_name": "Hoàng Xuân Châu",
                "email": "lanhdao.cum2@example.org",
                "role": "leader",
                "cluster_kind": "cum",
                "cluster_number": 2,
            },
            {
                # a new account: the sheet never renames nor re-addresses an existing one
                # (the demo's "lanhdao" is Phạm Quốc Hùng, with no e-mail)
                "username": "lanhdao.bo",
                "full_name": "Đỗ Minh Tuấn",
                "email": "lanhdao.bo@example.org",
                "role": "leader",
                "cluster_kind": "",
                "cluster_number": None,
            },
        ]
    return []
