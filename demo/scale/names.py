"""Invented names for the national data set: nothing here comes from a real ministry."""

from units.models import Unit

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quốc", "Hồng"]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam", "Sơn"]
UNIT_KINDS = list(Unit.Kind)
POSITIONS = ["Hiệu trưởng", "Giám đốc", "Viện trưởng", "Tổng biên tập", "Cục trưởng"]
COMMITMENTS = [
    "Thực hiện tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước.",
    "Hoàn thành xuất sắc nhiệm vụ chính trị được giao trong năm.",
    "Đẩy mạnh cải cách hành chính, ứng dụng công nghệ thông tin.",
    "Thực hành tiết kiệm, chống lãng phí; phòng, chống tham nhũng.",
    "Xây dựng tổ chức đảng, đoàn thể trong sạch, vững mạnh.",
]
GROUPS = [
    "Thực hiện nhiệm vụ chuyên môn",
    "Công tác xây dựng Đảng và đoàn thể",
    "Cải cách hành chính và chuyển đổi số",
    "Công tác thi đua, khen thưởng",
]
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]


def person(index):
    return (
        f"{FAMILY[index % len(FAMILY)]} {MIDDLE[(index // len(FAMILY)) % len(MIDDLE)]} "
        f"{GIVEN[(index // (len(FAMILY) * len(MIDDLE))) % len(GIVEN)]}"
    )


def ministry_name(m):
    """Ministries first, provinces after: m is 0-based."""
    return f"Bộ số {m + 1:03d}" if m % 2 == 0 else f"Tỉnh số {m + 1:03d}"


def unit_name(c, u):
    return f"{UNIT_KINDS[u % len(UNIT_KINDS)].label} số {c + 1:02d}.{u + 1:02d}"


def staff_username(m):
    return f"bench.{m + 1:03d}.vu"


def leader_username(m):
    return f"bench.{m + 1:03d}.lanhdao"


def secretary_username(m, c):
    return f"bench.{m + 1:03d}.cum{c + 1:02d}"
