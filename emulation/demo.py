"""Demo data: the Ministry of Justice's Cluster No. 2 (docs/domain.md §7), a second cluster of the
same ministry and the years of history; the seeding itself is ``demo/`` (seed_demo).

From the news report of 14/12/2020: the ministry, Cluster No. 2 and its ten units. Invented
for the demo (the report is silent): Cluster No. 1's composition and the people's names of
the demo accounts. A unit's kind is the value of ``units.models.Unit.Kind``."""

from django.utils import timezone

MINISTRY = "Bộ Tư pháp"
CLUSTER_2_UNITS = [
    ("Trường Đại học Luật Hà Nội", "ĐHLHN", "university"),
    ("Học viện Tư pháp", "HVTP", "academy"),
    ("Báo Pháp luật Việt Nam", "BPLVN", "newspaper"),
    ("Viện Khoa học pháp lý", "VKHPL", "institute"),
    ("Tạp chí Dân chủ và Pháp luật", "TCDCPL", "journal"),
    ("Nhà xuất bản Tư pháp", "NXBTP", "publisher"),
    ("Trường Trung cấp Luật Tây Bắc", "TCLTB", "school"),
    ("Trường Cao đẳng Luật miền Bắc", "CĐLMB", "college"),
    ("Trường Cao đẳng Luật miền Trung", "CĐLMT", "college"),
    ("Trường Cao đẳng Luật miền Nam", "CĐLMN", "college"),
]
# Invented: a plausible second cluster of departments of the same ministry.
CLUSTER_1_UNITS = [
    ("Cục Bổ trợ tư pháp", "CBTTP", "department"),
    ("Cục Trợ giúp pháp lý", "CTGPL", "department"),
    ("Cục Công nghệ thông tin", "CCNTT", "department"),
    ("Cục Con nuôi", "CCN", "department"),
    ("Cục Đăng ký quốc gia giao dịch bảo đảm", "CĐKGDBĐ", "department"),
    ("Cục Hộ tịch, quốc tịch, chứng thực", "CHTQTCT", "department"),
    ("Cục Kiểm tra văn bản quy phạm pháp luật", "CKTVB", "department"),
    ("Cục Phổ biến, giáo dục pháp luật", "CPBGDPL", "department"),
]
FIRST_YEAR = 2019


def unit_code(short_name):
    """Invented: the demo's unit codes (a real ministry uses its own, e.g. budget codes)."""
    return "BTP-" + short_name.replace("Đ", "D")


def demo_years():
    return range(FIRST_YEAR, timezone.localdate().year + 1)
