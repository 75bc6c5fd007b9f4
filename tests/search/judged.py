"""A judged query set: what citizens type into the portal's search box, each
query with the results a person would want, best first.

The queries are typed the way readers type them: without accents, cut short,
one or two letters off, legal numbers written any way, abbreviations,
questions, procedure names and news topics. The judgements say what a person
looking for that would want to see, not what the engine happens to return.

They are run over one index holding the demo province (``eportal demo``) and
the fixed corpus of tests/search/corpus.py (indexed on the demo's portals).
A result's key is its corpus key, or for a demo item the key given to its
title in ``DEMO`` below; an item the demo publishes on several portals under
one title (every portal's own news) has one key per portal, "<key>@<portal>",
and ``everywhere(key)`` names them all.
"""

# Demo items (eportal/demo/): key → title.
DEMO = {
    # News, each published by the four newsrooms (PORTALS_WITH_NEWS).
    "d-mua-lon": "Chỉ đạo chủ động ứng phó với mưa lớn, nguy cơ ngập úng",
    "d-huong-dan-nd42": (
        "Hướng dẫn thực hiện Nghị định 42/2022/NĐ-CP về cung cấp thông tin trên môi trường mạng"
    ),
    "d-cds-tthc": "Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính",
    "d-tong-ket": "Hội nghị tổng kết công tác năm và triển khai nhiệm vụ năm mới",
    "d-lich-tiep": "Thông báo lịch tiếp công dân định kỳ",
    "d-atgt-tuan": "Bản tin vi phạm trật tự an toàn giao thông trong tuần",
    # Pages every portal has.
    "d-chuc-nang": "Chức năng, nhiệm vụ",
    "d-lien-he": "Liên hệ",
    # Drafts open for comments.
    "d-gy-nong-nghiep": "Dự thảo Nghị quyết về chính sách hỗ trợ đầu tư nông nghiệp công nghệ cao",
    "d-gy-cds": "Dự thảo Kế hoạch chuyển đổi số tỉnh Thái Bình giai đoạn 2026–2030",
    "d-gy-phi-den-tran": "Dự thảo Nghị quyết quy định mức thu phí tham quan khu di tích Đền Trần",
    "d-gy-quy-che": "Dự thảo Quy chế quản lý, vận hành Cổng thông tin điện tử tỉnh",
    # Forms attached to procedures.
    "d-mau-dn": "Mẫu: Giấy đề nghị đăng ký doanh nghiệp",
    "d-mau-htx": "Mẫu: Giấy đề nghị đăng ký hợp tác xã",
    "d-mau-buu-chinh": "Mẫu: Đơn đề nghị cấp giấy phép bưu chính",
    "d-mau-in": "Mẫu: Đơn đề nghị cấp giấy phép hoạt động in",
    "d-mau-hkd": "Mẫu: Giấy đề nghị đăng ký hộ kinh doanh",
    "d-mau-trich-luc": "Mẫu: Tờ khai cấp bản sao trích lục hộ tịch",
    # Legal documents.
    "d-qd-05-2014": "Quyết định 05/2014/QĐ-UBND",
    "d-qd-12-2009": "Quyết định 12/2009/QĐ-UBND",
    "d-nd-42-2022": "Nghị định 42/2022/NĐ-CP",
    "d-nd-43-2011": "Nghị định 43/2011/NĐ-CP",
    "d-kh-86": "Kế hoạch 86/KH-STTTT",
    # Procedures.
    "d-tt-trich-luc": "Cấp bản sao trích lục hộ tịch",
    "d-tt-buu-chinh": "Cấp giấy phép bưu chính (cấp tỉnh)",
    "d-tt-in": "Cấp giấy phép hoạt động in",
    "d-tt-chung-thuc": "Chứng thực bản sao từ bản chính",
    "d-tt-dn-tu-nhan": "Đăng ký thành lập doanh nghiệp tư nhân",
    "d-tt-hkd": "Đăng ký thành lập hộ kinh doanh",
    "d-tt-htx": "Đăng ký thành lập hợp tác xã",
    # Answered questions.
    "d-hd-khai-sinh": "Đăng ký khai sinh cho con khi bố mẹ chưa đăng ký kết hôn",
    "d-hd-dau-tu": "Thời hạn cấp giấy chứng nhận đăng ký đầu tư là bao lâu?",
    "d-hd-trang-tin": "Thủ tục cấp phép thiết lập trang thông tin điện tử tổng hợp",
}

NEWSROOMS = ("www", "sotttt", "sokhdt", "quynhphu")
EVERY_PORTAL = (*NEWSROOMS, "lmhtxt")
# Demo keys published on several portals, and on which.
ON_SEVERAL_PORTALS = {
    **{
        key: NEWSROOMS
        for key in (
            "d-mua-lon",
            "d-huong-dan-nd42",
            "d-cds-tthc",
            "d-tong-ket",
            "d-lich-tiep",
            "d-atgt-tuan",
        )
    },
    "d-chuc-nang": EVERY_PORTAL,
    "d-lien-he": EVERY_PORTAL,
}
# The corpus's portals are the demo's (the main portal is "www").
CORPUS_PORTALS = {"main": "www", "sotttt": "sotttt", "quynhphu": "quynhphu"}

_KEY_OF_TITLE = {title: key for key, title in DEMO.items()}


def everywhere(key: str) -> list[str]:
    """The keys of a demo item's copies, one per portal that publishes it."""
    return [f"{key}@{portal}" for portal in ON_SEVERAL_PORTALS[key]]


def result_key(result) -> str:
    """The key of a search result (``query.Result``): its corpus key, its demo
    key, or "?" and its title for an item judged nowhere."""
    path = result.url.strip("/").split("/")
    if path[0] == "muc":  # tests/search/conftest.py's URL of a corpus item
        return path[-1]
    key = _KEY_OF_TITLE.get(result.title)
    if key is None:
        return f"?{result.title}"
    if key in ON_SEVERAL_PORTALS:
        return f"{key}@{result.portal_slug}"
    return key


def demo_keys() -> set[str]:
    keys = set()
    for key in DEMO:
        keys.update(everywhere(key) if key in ON_SEVERAL_PORTALS else [key])
    return keys


E = everywhere
KHAI_SINH = ["tt-khai-sinh", "tt-khai-sinh-nn", "hd-khai-sinh-qua-han", "d-hd-khai-sinh"]
KET_HON = ["tt-ket-hon", "tt-ket-hon-nn", "hd-ket-hon-khac-tinh"]
HO_KINH_DOANH = ["tt-dkkd-ho", "d-tt-hkd", "tt-dkkd-ho-thay-doi", "d-mau-hkd", "hd-ho-kinh-doanh"]
HTX = ["tt-htx", "d-tt-htx", "d-mau-htx"]
DN_TU_NHAN = ["tt-dn-tu-nhan", "d-tt-dn-tu-nhan", "d-mau-dn"]
GPXD = ["tt-gpxd-nha-o", "tt-gpxd-sua-chua", "tt-gpxd-gia-han", "hd-gpxd-nong-thon"]
SO_DO = ["tt-gcn-qsdd", "tt-cap-doi-so-do", "hd-so-do-mat"]
CHUNG_THUC_BAN_SAO = ["tt-chung-thuc-ban-sao", "d-tt-chung-thuc", "hd-chung-thuc"]
TRICH_LUC = ["tt-trich-luc", "d-tt-trich-luc", "d-mau-trich-luc"]
QUY_CHE_CONG = ["vb-05-2014", "d-qd-05-2014", "d-gy-quy-che", "d-kh-86", "d-qd-12-2009"]
CHUYEN_DOI_SO = [
    "tin-chuyen-doi-so",
    "vb-09-2022-ct",
    "d-gy-cds",
    *E("d-cds-tthc"),
    "tin-ban-chi-dao",
    "tr-ban-chuyen-doi-so",
    "tr-ban-tin-so",
    "tin-hop-tac-xa",
]
TIEP_CONG_DAN = [
    "tt-tiep-cong-dan",
    "vb-tb-lich-tiep",
    *E("d-lich-tiep"),
    "tin-tiep-cong-dan",
    "vb-2087-ubnd",
]

# (text as typed, keys of the results a person would want, best first)
QUERIES = [
    # --- procedures by name, unaccented: the procedure first ---------------------
    ("thu tuc dang ky khai sinh", KHAI_SINH),
    ("dang ky khai tu", ["tt-khai-tu"]),
    ("thu tuc ket hon", KET_HON),
    ("ket hon co yeu to nuoc ngoai", ["tt-ket-hon-nn", "tt-ket-hon"]),
    ("nhan cha me con", ["tt-nhan-cha-me-con"]),
    ("dang ky giam ho", ["tt-giam-ho"]),
    ("cai chinh ho tich", ["tt-thay-doi-ho-tich"]),
    ("xac nhan tinh trang hon nhan", ["tt-xac-nhan-hon-nhan"]),
    ("giay xac nhan doc than", ["tt-xac-nhan-hon-nhan"]),
    ("trich luc ho tich", TRICH_LUC),
    ("chung thuc chu ky", ["tt-chung-thuc-chu-ky"]),
    ("chung thuc hop dong", ["tt-chung-thuc-hop-dong"]),
    ("phieu ly lich tu phap", ["tt-ly-lich-tu-phap", "hd-ly-lich-tu-phap"]),
    ("dang ky ho kinh doanh", HO_KINH_DOANH),
    ("thay doi noi dung dang ky ho kinh doanh", ["tt-dkkd-ho-thay-doi", "tt-dkkd-ho"]),
    ("thanh lap cong ty tnhh mot thanh vien", ["tt-dn-tnhh"]),
    ("thanh lap doanh nghiep tu nhan", DN_TU_NHAN),
    ("giai the doanh nghiep", ["tt-dn-giai-the"]),
    ("tam ngung kinh doanh", ["tt-dn-tam-ngung"]),
    ("thanh lap hop tac xa", HTX),
    ("giay chung nhan dang ky dau tu", ["tt-dau-tu", "d-hd-dau-tu"]),
    ("chu truong dau tu", ["tt-chu-truong-dau-tu"]),
    ("xin giay phep xay dung nha o", ["tt-gpxd-nha-o", "hd-gpxd-nong-thon", "tt-gpxd-gia-han"]),
    ("gia han giay phep xay dung", ["tt-gpxd-gia-han"]),
    ("giay phep sua chua cai tao nha", ["tt-gpxd-sua-chua"]),
    ("chung chi hanh nghe xay dung", ["tt-chung-chi-hanh-nghe"]),
    ("chuyen nhuong quyen su dung dat", ["tt-chuyen-nhuong-dat"]),
    ("chuyen muc dich su dung dat", ["tt-chuyen-muc-dich"]),
    ("tach thua dat", ["tt-tach-thua", "hd-tach-thua-dien-tich"]),
    ("danh gia tac dong moi truong", ["tt-dtm"]),
    ("giay phep moi truong", ["tt-gp-moi-truong"]),
    ("khai thac nuoc duoi dat", ["tt-khai-thac-nuoc"]),
    ("huong che do thai san", ["tt-bhxh-thai-san", "hd-thai-san-nam"]),
    ("tro cap xa hoi hang thang", ["tt-bao-tro-xa-hoi", "hd-tro-cap-nguoi-cao-tuoi"]),
    ("che do nguoi co cong", ["tt-nguoi-co-cong", "hd-nguoi-co-cong", "vb-03-2024-nq"]),
    ("giay phep lao dong nguoi nuoc ngoai", ["tt-giay-phep-lao-dong"]),
    ("giay phep ban le ruou", ["tt-gpkd-ruou", "hd-ruou"]),
    ("chung chi hanh nghe kham chua benh", ["tt-hanh-nghe-y"]),
    ("kinh doanh duoc", ["tt-nha-thuoc"]),
    ("chuyen truong hoc sinh", ["tt-chuyen-truong", "hd-chuyen-truong"]),
    ("ban sao van bang", ["tt-van-bang"]),
    ("giay phep xuat ban ban tin", ["tt-gp-bao-chi"]),
    ("trang thong tin dien tu tong hop", ["tt-trang-tin", "d-hd-trang-tin"]),
    ("giay phep karaoke", ["tt-karaoke", "hd-karaoke"]),
    ("to chuc le hoi", ["tt-le-hoi"]),
    ("doi bang lai xe", ["tt-doi-gplx", "hd-giay-phep-lai-xe"]),
    ("phu hieu xe o to", ["tt-phu-hieu-xe"]),
    ("giai quyet khieu nai", ["tt-khieu-nai", "hd-khieu-nai"]),
    ("bang khen chu tich tinh", ["tt-thi-dua"]),
    ("giay phep buu chinh", ["d-tt-buu-chinh", "d-mau-buu-chinh"]),
    ("giay phep hoat dong in", ["d-tt-in", "d-mau-in"]),
    # --- fragments: words cut short --------------------------------------------
    ("khai sin", KHAI_SINH),
    ("ket ho", KET_HON),
    ("ly lich tu pha", ["tt-ly-lich-tu-phap", "hd-ly-lich-tu-phap"]),
    ("giay phep xay dun", GPXD),
    ("ho kinh doan", HO_KINH_DOANH),
    ("karao", ["tt-karaoke", "hd-karaoke"]),
    ("chung thu ban sao", CHUNG_THUC_BAN_SAO),
    ("tro cap that ngh", ["tt-tro-cap-that-nghiep", "hd-that-nghiep"]),
    # --- one or two letters off ------------------------------------------------
    ("dang ky khia sinh", KHAI_SINH),
    ("dang ki ket hon", KET_HON),
    ("giay phep xay dugn", GPXD),
    ("tro cap that ngiep", ["tt-tro-cap-that-nghiep", "hd-that-nghiep"]),
    ("thai sanr", ["tt-bhxh-thai-san", "hd-thai-san-nam"]),
    ("ly lich tu phapp", ["tt-ly-lich-tu-phap", "hd-ly-lich-tu-phap"]),
    ("karaokee", ["tt-karaoke", "hd-karaoke"]),
    ("chung thuc ban sa0", CHUNG_THUC_BAN_SAO),
    ("hop tac xaa", HTX),
    ("giai the doanh ngiep", ["tt-dn-giai-the"]),
    ("khieu nai lan dau", ["tt-khieu-nai", "hd-khieu-nai"]),
    ("sot xuat huyett", ["tin-sot-xuat-huyet"]),
    ("tiem chungg", ["hd-tiem-chung", "vb-56-kh"]),
    ("chuyen doi soo", CHUYEN_DOI_SO),
    ("nong thon moii", ["tin-nong-thon-moi", "vb-33-qd-ct"]),
    # --- legal numbers, written any way --------------------------------------
    ("05/2014/QD-UBND", ["vb-05-2014", "d-qd-05-2014", "d-kh-86"]),
    ("quyet dinh 05", ["vb-05-2014", "d-qd-05-2014"]),
    ("qd 05 2014", ["vb-05-2014", "d-qd-05-2014", "d-kh-86"]),
    ("quyết định số 05/2014", ["vb-05-2014", "d-qd-05-2014", "d-kh-86"]),
    ("nghi dinh 61", ["vb-nd-61-2018"]),
    ("nd 61/2018", ["vb-nd-61-2018"]),
    ("nghị định 42/2022/NĐ-CP", ["vb-nd-42-2022", "d-nd-42-2022", *E("d-huong-dan-nd42")]),
    ("nghi dinh 42", ["vb-nd-42-2022", "d-nd-42-2022", *E("d-huong-dan-nd42")]),
    ("nd 43/2011", ["d-nd-43-2011"]),
    ("nghi dinh 123/2015", ["vb-nd-123-2015"]),
    ("nghi dinh 30 van thu", ["vb-nd-30-2020"]),
    ("12/2019/QĐ-UBND", ["vb-12-2019"]),
    ("quyet dinh 12/2009", ["d-qd-12-2009"]),
    ("18/2021", ["vb-18-2021"]),
    ("nghi quyet 15/2022", ["vb-15-2022-nq"]),
    ("nq 08/2023 nong nghiep", ["vb-08-2023-nq"]),
    ("ke hoach 125", ["vb-125-kh"]),
    ("kế hoạch 86/KH-STTTT", ["d-kh-86"]),
    ("chi thi 04", ["vb-04-2024-ct"]),
    ("cong van 2087", ["vb-2087-ubnd"]),
    ("quyet dinh 1735", ["vb-quy-hoach-tinh"]),
    ("luat dat dai 2024", ["vb-luat-dat-dai"]),
    ("luat doanh nghiep 2020", ["vb-luat-dn"]),
    ("thong tu 01/2016", ["vb-tt-01-2016"]),
    # --- abbreviations -------------------------------------------------------
    ("cap lai so do", ["hd-so-do-mat", "tt-cap-doi-so-do", "tt-gcn-qsdd"]),
    ("so do", SO_DO),
    ("GPXD", GPXD),
    ("gpxd nha o", ["tt-gpxd-nha-o", "hd-gpxd-nong-thon"]),
    ("GPKD ruou", ["tt-gpkd-ruou", "hd-ruou"]),
    ("BHXH thai san", ["tt-bhxh-thai-san", "hd-thai-san-nam"]),
    ("bhyt hoc sinh", ["tin-bhyt-hoc-sinh"]),
    ("cccd", ["tin-cccd", "hd-dinh-danh"]),
    ("lam cccd", ["tin-cccd"]),
    (
        "TTHC dat dai",
        [
            "tt-gcn-qsdd",
            "tt-chuyen-nhuong-dat",
            "tt-cap-doi-so-do",
            "tt-chuyen-muc-dich",
            "tt-tach-thua",
            "tin-cai-cach-thu-tuc",
        ],
    ),
    (
        "HĐND tinh",
        ["tin-ky-hop-hdnd", "vb-15-2022-nq", "vb-08-2023-nq", "vb-21-2021-nq", "vb-03-2024-nq"],
    ),
    ("ky hop hdnd", ["tin-ky-hop-hdnd"]),
    ("nghi quyet hdnd hoc phi", ["vb-15-2022-nq", "hd-hoc-phi"]),
    ("chu tich ubnd tinh tiep cong dan", ["tin-tiep-cong-dan", "vb-tb-lich-tiep"]),
    ("cong ty tnhh", ["tt-dn-tnhh"]),
    ("htx chuyen doi so", ["tin-hop-tac-xa"]),
    ("ATTP", ["tt-attp"]),
    ("pccc karaoke", ["hd-karaoke"]),
    ("atgt tet", ["tin-an-toan-giao-thong"]),
    ("dvc truc tuyen", ["tin-dich-vu-cong", "hd-dich-vu-cong", "tr-huong-dan-dvc"]),
    ("hoc phi thpt", ["vb-15-2022-nq", "hd-hoc-phi"]),
    ("tuyen sinh lop 10 thpt", ["tin-tuyen-sinh-10"]),
    ("so tttt", ["tr-co-cau", "tin-so-tttt-hoi-nghi", "vb-tt-01-2016"]),
    ("qsdd lan dau", ["tt-gcn-qsdd"]),
    # --- questions: the answered question first --------------------------------
    ("lam the nao de dang ky khai sinh qua han?", ["hd-khai-sinh-qua-han", "tt-khai-sinh"]),
    ("khai sinh qua han can giay to gi", ["hd-khai-sinh-qua-han", "tt-khai-sinh"]),
    ("ket hon khac tinh lam o dau", ["hd-ket-hon-khac-tinh", "tt-ket-hon"]),
    ("mat so do thi lam the nao", ["hd-so-do-mat", "tt-cap-doi-so-do"]),
    ("dien tich toi thieu tach thua la bao nhieu", ["hd-tach-thua-dien-tich", "tt-tach-thua"]),
    ("xay nha o nong thon co can giay phep khong?", ["hd-gpxd-nong-thon", "tt-gpxd-nha-o"]),
    ("hoc phi truong cong lap bao nhieu", ["hd-hoc-phi", "vb-15-2022-nq"]),
    ("dieu kien huong tro cap that nghiep", ["hd-that-nghiep", "tt-tro-cap-that-nghiep"]),
    ("chong co duoc huong thai san khong", ["hd-thai-san-nam", "tt-bhxh-thai-san"]),
    ("ho kinh doanh co phai dang ky ma so thue khong", ["hd-ho-kinh-doanh", "tt-dkkd-ho"]),
    ("lam the nao de nop ho so truc tuyen?", ["hd-dich-vu-cong", "tr-huong-dan-dvc"]),
    ("ly lich tu phap mat bao lau", ["hd-ly-lich-tu-phap", "tt-ly-lich-tu-phap"]),
    ("chung thuc ban sao co can ban chinh khong", ["hd-chung-thuc", "tt-chung-thuc-ban-sao"]),
    ("than nhan liet si duoc huong gi", ["hd-nguoi-co-cong", "tt-nguoi-co-cong"]),
    ("doi bang lai qua han co phai thi lai khong", ["hd-giay-phep-lai-xe", "tt-doi-gplx"]),
    ("lich tiem chung cho tre", ["hd-tiem-chung", "vb-56-kh"]),
    ("ban hang online co can dang ky kinh doanh khong", ["hd-ban-hang-online"]),
    ("ban nha dat phai nop thue gi", ["hd-ban-nha"]),
    ("nguoi cao tuoi co duoc tro cap khong", ["hd-tro-cap-nguoi-cao-tuoi", "tt-bao-tro-xa-hoi"]),
    ("thoi han giai quyet khieu nai bao lau", ["hd-khieu-nai", "tt-khieu-nai"]),
    ("to cao nac danh co duoc giai quyet khong", ["hd-to-cao-nac-danh", "tt-to-cao"]),
    ("nha dau tu nuoc ngoai thanh lap doanh nghiep", ["hd-dau-tu-nuoc-ngoai"]),
    ("ban ruou can giay phep khong", ["hd-ruou", "tt-gpkd-ruou"]),
    ("treo bang ron quang cao", ["hd-quang-cao", "tt-quang-cao"]),
    ("gia nuoc sach 2024 bao nhieu", ["hd-nuoc-sach-gia", "vb-gia-nuoc"]),
    ("cach kich hoat dinh danh dien tu muc 2", ["hd-dinh-danh", "tin-cccd"]),
    ("phi thu gom rac thai tinh the nao", ["hd-rac-thai", "vb-02-2024"]),
    ("bang gia dat moi ap dung tu khi nao", ["hd-gia-dat", "vb-bang-gia-dat", "vb-12-2019"]),
    ("cap giay chung nhan dau tu mat bao lau?", ["d-hd-dau-tu", "tt-dau-tu"]),
    ("bo me chua dang ky ket hon lam khai sinh cho con", ["d-hd-khai-sinh", "tt-khai-sinh"]),
    # --- news and topics -------------------------------------------------------
    ("chuyen doi so", CHUYEN_DOI_SO),
    ("bao so 3", ["tin-bao-so-3"]),
    ("mua lon ngap ung", [*E("d-mua-lon"), "tin-bao-so-3"]),
    ("le hoi den tran", ["tin-le-hoi-den-tran", "d-gy-phi-den-tran"]),
    ("ve tham quan den tran", ["d-gy-phi-den-tran", "tin-le-hoi-den-tran"]),
    ("xuc tien dau tu", ["tin-hoi-nghi-xttm"]),
    ("lua vu xuan", ["tin-lua-xuan"]),
    ("khu kinh te thai binh", ["tin-khu-kinh-te"]),
    ("san pham ocop", ["tin-ocop"]),
    ("sot xuat huyet", ["tin-sot-xuat-huyet"]),
    ("lua dao xuat khau lao dong", ["tin-xuat-khau-lao-dong"]),
    ("tin nhan gia mao lua dao", ["tin-an-ninh-mang"]),
    ("cat dien", ["tin-mat-dien"]),
    ("lich cat dien", ["tin-mat-dien"]),
    ("hien mau tinh nguyen", ["tin-hien-mau"]),
    ("cang diem dien", ["tin-cang-diem-dien"]),
    ("cau tra ly", ["tin-cau-tra-ly"]),
    ("dich ta lon chau phi", ["tin-phong-chong-dich-ta"]),
    ("nha tinh nghia", ["tin-ban-giao-nha"]),
    ("dau gia xe o to", ["tin-ban-dau-gia"]),
    ("ban do hanh chinh", ["tin-ban-do"]),
    ("khu cong nghiep lien ha thai", ["tin-khu-cong-nghiep"]),
    ("dao tao nghe lao dong nong thon", ["tin-dao-tao-nghe"]),
    ("chi so cai cach hanh chinh", ["tin-hop-bao", "vb-88-kh"]),
    ("an toan giao thong", ["tin-an-toan-giao-thong", *E("d-atgt-tuan")]),
    ("vi pham giao thong", [*E("d-atgt-tuan")]),
    ("hoi nghi tong ket", [*E("d-tong-ket")]),
    ("lich tiep cong dan", TIEP_CONG_DAN),
    ("tiep dan", TIEP_CONG_DAN),
    ("nong nghiep cong nghe cao", ["d-gy-nong-nghiep"]),
    ("du thao quy che cong thong tin dien tu", ["d-gy-quy-che", "vb-05-2014", "d-qd-05-2014"]),
    ("quy che cong thong tin dien tu", QUY_CHE_CONG),
    ("ke hoach chuyen doi so 2026", ["d-gy-cds"]),
    ("lay y kien du thao", ["d-gy-quy-che", "d-gy-cds", "d-gy-nong-nghiep", "d-gy-phi-den-tran"]),
    ("cung cap thong tin tren moi truong mang", ["d-nd-42-2022", *E("d-huong-dan-nd42")]),
    ("dich vu cong truc tuyen toan trinh", ["tin-dich-vu-cong", *E("d-cds-tthc")]),
    # --- forms, pages ----------------------------------------------------------
    ("mau don dang ky doanh nghiep", ["d-mau-dn", "d-tt-dn-tu-nhan", "tt-dn-tu-nhan"]),
    ("mau to khai trich luc", ["d-mau-trich-luc", "d-tt-trich-luc", "tt-trich-luc"]),
    ("mau giay de nghi dang ky ho kinh doanh", ["d-mau-hkd", "d-tt-hkd", "tt-dkkd-ho"]),
    ("don de nghi cap giay phep buu chinh", ["d-mau-buu-chinh", "d-tt-buu-chinh"]),
    ("chuc nang nhiem vu", [*E("d-chuc-nang"), "tr-chuc-nang"]),
    ("so dien thoai lien he", [*E("d-lien-he"), "tr-lien-he", "tr-danh-ba"]),
    ("dia chi ubnd tinh", ["d-lien-he@www", "tr-lien-he"]),
    ("danh ba can bo", ["tr-danh-ba"]),
    ("lanh dao ubnd tinh", ["tr-lanh-dao"]),
    ("gioi thieu quynh phu", ["tr-quynh-phu"]),
    ("di tich lich su", ["tr-di-tich"]),
    ("mot cua", ["tr-dich-vu-cong-mot-cua", "vb-nd-61-2018"]),
    ("phan anh kien nghi", ["tr-phan-anh-kien-nghi"]),
    ("du an keu goi dau tu", ["tr-du-an", "vb-1520-qd"]),
    ("quy hoach tinh 2030", ["vb-quy-hoach-tinh", "tr-quy-hoach"]),
]
