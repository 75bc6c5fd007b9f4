"""A fixed corpus of a provincial portal's content, for the relevance tests.

Each item: (key, kind, portal, title, body, sector, date). Keys are short and
stable; QUERIES lists what readers type and the keys they expect on top.
"""

import datetime

D = datetime.date

PROCEDURES = [
    ("tt-khai-sinh", "Đăng ký khai sinh", "Hộ tịch"),
    ("tt-khai-sinh-nn", "Đăng ký khai sinh có yếu tố nước ngoài", "Hộ tịch"),
    ("tt-khai-tu", "Đăng ký khai tử", "Hộ tịch"),
    ("tt-ket-hon", "Đăng ký kết hôn", "Hộ tịch"),
    ("tt-ket-hon-nn", "Đăng ký kết hôn có yếu tố nước ngoài", "Hộ tịch"),
    ("tt-nhan-cha-me-con", "Đăng ký nhận cha, mẹ, con", "Hộ tịch"),
    ("tt-giam-ho", "Đăng ký giám hộ", "Hộ tịch"),
    ("tt-thay-doi-ho-tich", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", "Hộ tịch"),
    ("tt-xac-nhan-hon-nhan", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch"),
    ("tt-trich-luc", "Cấp bản sao trích lục hộ tịch", "Hộ tịch"),
    ("tt-chung-thuc-ban-sao", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực"),
    ("tt-chung-thuc-chu-ky", "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực"),
    (
        "tt-chung-thuc-hop-dong",
        "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản",
        "Chứng thực",
    ),
    ("tt-ly-lich-tu-phap", "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam", "Lý lịch tư pháp"),
    ("tt-dkkd-ho", "Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh"),
    (
        "tt-dkkd-ho-thay-doi",
        "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
        "Thành lập và hoạt động của hộ kinh doanh",
    ),
    (
        "tt-dn-tnhh",
        "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên",
        "Thành lập và hoạt động của doanh nghiệp",
    ),
    ("tt-dn-cp", "Đăng ký thành lập công ty cổ phần", "Thành lập và hoạt động của doanh nghiệp"),
    (
        "tt-dn-tu-nhan",
        "Đăng ký thành lập doanh nghiệp tư nhân",
        "Thành lập và hoạt động của doanh nghiệp",
    ),
    ("tt-dn-giai-the", "Giải thể doanh nghiệp", "Thành lập và hoạt động của doanh nghiệp"),
    (
        "tt-dn-tam-ngung",
        "Thông báo tạm ngừng kinh doanh",
        "Thành lập và hoạt động của doanh nghiệp",
    ),
    ("tt-htx", "Đăng ký thành lập hợp tác xã", "Thành lập và hoạt động của hợp tác xã"),
    ("tt-dau-tu", "Cấp Giấy chứng nhận đăng ký đầu tư", "Đầu tư tại Việt Nam"),
    (
        "tt-chu-truong-dau-tu",
        "Chấp thuận chủ trương đầu tư của Ủy ban nhân dân cấp tỉnh",
        "Đầu tư tại Việt Nam",
    ),
    ("tt-gpxd-nha-o", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Hoạt động xây dựng"),
    ("tt-gpxd-sua-chua", "Cấp giấy phép sửa chữa, cải tạo công trình", "Hoạt động xây dựng"),
    ("tt-gpxd-gia-han", "Gia hạn giấy phép xây dựng", "Hoạt động xây dựng"),
    (
        "tt-chung-chi-hanh-nghe",
        "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III",
        "Hoạt động xây dựng",
    ),
    (
        "tt-gcn-qsdd",
        "Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở lần đầu",
        "Đất đai",
    ),
    (
        "tt-chuyen-nhuong-dat",
        "Đăng ký biến động quyền sử dụng đất do chuyển nhượng, tặng cho",
        "Đất đai",
    ),
    (
        "tt-chuyen-muc-dich",
        "Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền",
        "Đất đai",
    ),
    ("tt-cap-doi-so-do", "Cấp đổi Giấy chứng nhận quyền sử dụng đất", "Đất đai"),
    ("tt-tach-thua", "Tách thửa hoặc hợp thửa đất", "Đất đai"),
    ("tt-dtm", "Thẩm định báo cáo đánh giá tác động môi trường", "Môi trường"),
    ("tt-gp-moi-truong", "Cấp giấy phép môi trường cấp tỉnh", "Môi trường"),
    ("tt-khai-thac-nuoc", "Cấp giấy phép khai thác, sử dụng nước dưới đất", "Tài nguyên nước"),
    ("tt-bhxh-thai-san", "Giải quyết hưởng chế độ thai sản", "Bảo hiểm xã hội"),
    ("tt-tro-cap-that-nghiep", "Giải quyết hưởng trợ cấp thất nghiệp", "Việc làm"),
    (
        "tt-bao-tro-xa-hoi",
        "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng",
        "Bảo trợ xã hội",
    ),
    (
        "tt-nguoi-co-cong",
        "Giải quyết chế độ ưu đãi đối với người có công với cách mạng",
        "Người có công",
    ),
    (
        "tt-giay-phep-lao-dong",
        "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
        "Việc làm",
    ),
    ("tt-gpkd-ruou", "Cấp Giấy phép bán lẻ sản phẩm rượu", "Lưu thông hàng hóa trong nước"),
    ("tt-attp", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm", "An toàn thực phẩm"),
    ("tt-hanh-nghe-y", "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh", "Khám bệnh, chữa bệnh"),
    ("tt-nha-thuoc", "Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược", "Dược phẩm"),
    ("tt-truong-mam-non", "Cho phép trường mầm non hoạt động giáo dục", "Giáo dục và Đào tạo"),
    (
        "tt-chuyen-truong",
        "Chuyển trường đối với học sinh trung học phổ thông",
        "Giáo dục và Đào tạo",
    ),
    ("tt-van-bang", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", "Văn bằng, chứng chỉ"),
    ("tt-gp-bao-chi", "Cấp giấy phép xuất bản bản tin", "Báo chí"),
    (
        "tt-trang-tin",
        "Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp",
        "Phát thanh, truyền hình và thông tin điện tử",
    ),
    ("tt-quang-cao", "Thông báo sản phẩm quảng cáo trên bảng quảng cáo, băng-rôn", "Văn hóa"),
    ("tt-karaoke", "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", "Văn hóa"),
    ("tt-le-hoi", "Đăng ký tổ chức lễ hội cấp tỉnh", "Văn hóa"),
    ("tt-xe-tap-lai", "Cấp giấy phép xe tập lái", "Đường bộ"),
    ("tt-doi-gplx", "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp", "Đường bộ"),
    ("tt-phu-hieu-xe", "Cấp phù hiệu xe ô tô kinh doanh vận tải", "Đường bộ"),
    ("tt-khieu-nai", "Giải quyết khiếu nại lần đầu tại cấp tỉnh", "Giải quyết khiếu nại"),
    ("tt-to-cao", "Giải quyết tố cáo tại cấp huyện", "Giải quyết tố cáo"),
    ("tt-tiep-cong-dan", "Tiếp công dân tại cấp xã", "Tiếp công dân"),
    ("tt-thi-dua", "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", "Thi đua, khen thưởng"),
]

LEGAL = [
    (
        "vb-05-2014",
        "Quyết định 05/2014/QĐ-UBND ban hành Quy chế quản lý, cung cấp thông tin trên Cổng thông tin điện tử tỉnh",
        "Công nghệ thông tin",
        D(2014, 3, 12),
    ),
    (
        "vb-12-2019",
        "Quyết định 12/2019/QĐ-UBND quy định bảng giá đất giai đoạn 2020 – 2024 trên địa bàn tỉnh",
        "Đất đai",
        D(2019, 12, 20),
    ),
    (
        "vb-18-2021",
        "Quyết định 18/2021/QĐ-UBND quy định hạn mức giao đất ở và công nhận quyền sử dụng đất",
        "Đất đai",
        D(2021, 8, 2),
    ),
    (
        "vb-25-2022",
        "Quyết định 25/2022/QĐ-UBND về quản lý trật tự xây dựng trên địa bàn tỉnh",
        "Hoạt động xây dựng",
        D(2022, 6, 15),
    ),
    (
        "vb-07-2023",
        "Quyết định 07/2023/QĐ-UBND ban hành quy chế phối hợp quản lý cụm công nghiệp",
        "Công nghiệp",
        D(2023, 2, 10),
    ),
    (
        "vb-30-2020",
        "Quyết định 30/2020/QĐ-UBND quy định phân cấp quản lý đường bộ",
        "Đường bộ",
        D(2020, 11, 5),
    ),
    (
        "vb-02-2024",
        "Quyết định 02/2024/QĐ-UBND sửa đổi quy định về thu gom, xử lý chất thải rắn sinh hoạt",
        "Môi trường",
        D(2024, 1, 18),
    ),
    (
        "vb-15-2022-nq",
        "Nghị quyết 15/2022/NQ-HĐND quy định mức thu học phí đối với cơ sở giáo dục công lập",
        "Giáo dục và Đào tạo",
        D(2022, 7, 14),
    ),
    (
        "vb-08-2023-nq",
        "Nghị quyết 08/2023/NQ-HĐND quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp",
        "Nông nghiệp",
        D(2023, 7, 20),
    ),
    (
        "vb-21-2021-nq",
        "Nghị quyết 21/2021/NQ-HĐND về phí, lệ phí trên địa bàn tỉnh",
        "Phí, lệ phí",
        D(2021, 12, 9),
    ),
    (
        "vb-03-2024-nq",
        "Nghị quyết 03/2024/NQ-HĐND quy định mức hỗ trợ người có công với cách mạng",
        "Người có công",
        D(2024, 4, 25),
    ),
    (
        "vb-01-2023-ct",
        "Chỉ thị 01/CT-UBND về tăng cường kỷ luật, kỷ cương hành chính năm 2023",
        "Cải cách hành chính",
        D(2023, 1, 6),
    ),
    (
        "vb-04-2024-ct",
        "Chỉ thị 04/CT-UBND về phòng, chống thiên tai và tìm kiếm cứu nạn năm 2024",
        "Phòng, chống thiên tai",
        D(2024, 5, 2),
    ),
    (
        "vb-09-2022-ct",
        "Chỉ thị 09/CT-UBND về đẩy mạnh chuyển đổi số trong cơ quan nhà nước",
        "Công nghệ thông tin",
        D(2022, 9, 1),
    ),
    (
        "vb-125-kh",
        "Kế hoạch 125/KH-UBND triển khai Đề án 06 về dữ liệu dân cư, định danh và xác thực điện tử",
        "Công nghệ thông tin",
        D(2023, 4, 11),
    ),
    (
        "vb-88-kh",
        "Kế hoạch 88/KH-UBND cải cách hành chính nhà nước giai đoạn 2021 – 2025",
        "Cải cách hành chính",
        D(2021, 3, 30),
    ),
    (
        "vb-140-kh",
        "Kế hoạch 140/KH-UBND phát triển du lịch tỉnh đến năm 2030",
        "Du lịch",
        D(2022, 10, 19),
    ),
    (
        "vb-56-kh",
        "Kế hoạch 56/KH-UBND tiêm chủng mở rộng năm 2024",
        "Y tế dự phòng",
        D(2024, 2, 27),
    ),
    (
        "vb-1234-ubnd",
        "Công văn 1234/UBND-VP về việc thực hiện chế độ báo cáo thống kê",
        "Thống kê",
        D(2024, 6, 3),
    ),
    (
        "vb-2087-ubnd",
        "Công văn 2087/UBND-NC về tăng cường công tác tiếp công dân",
        "Tiếp công dân",
        D(2023, 8, 22),
    ),
    (
        "vb-45-qd",
        "Quyết định 45/QĐ-UBND công bố danh mục thủ tục hành chính lĩnh vực hộ tịch",
        "Hộ tịch",
        D(2024, 1, 9),
    ),
    (
        "vb-210-qd",
        "Quyết định 210/QĐ-UBND phê duyệt quy hoạch sử dụng đất huyện Quỳnh Phụ",
        "Đất đai",
        D(2022, 1, 28),
    ),
    (
        "vb-1520-qd",
        "Quyết định 1520/QĐ-UBND phê duyệt danh mục dự án kêu gọi đầu tư",
        "Đầu tư tại Việt Nam",
        D(2023, 7, 5),
    ),
    (
        "vb-33-qd-ct",
        "Quyết định 33/QĐ-UBND công nhận xã đạt chuẩn nông thôn mới nâng cao",
        "Nông thôn mới",
        D(2024, 3, 18),
    ),
    (
        "vb-bang-gia-dat",
        "Quyết định 10/2024/QĐ-UBND điều chỉnh bảng giá đất năm 2024",
        "Đất đai",
        D(2024, 5, 30),
    ),
    ("vb-luat-dat-dai", "Luật Đất đai số 31/2024/QH15", "Đất đai", D(2024, 1, 18)),
    (
        "vb-nd-30-2020",
        "Nghị định 30/2020/NĐ-CP về công tác văn thư",
        "Văn thư, lưu trữ",
        D(2020, 3, 5),
    ),
    (
        "vb-nd-61-2018",
        "Nghị định 61/2018/NĐ-CP về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
        "Cải cách hành chính",
        D(2018, 4, 23),
    ),
    (
        "vb-nd-42-2022",
        "Nghị định 42/2022/NĐ-CP quy định về việc cung cấp thông tin và dịch vụ công trực tuyến",
        "Công nghệ thông tin",
        D(2022, 6, 24),
    ),
    (
        "vb-tt-01-2016",
        "Thông tư 01/2016/TTLT-BTTTT-BNV hướng dẫn chức năng, nhiệm vụ của Sở Thông tin và Truyền thông",
        "Tổ chức bộ máy",
        D(2016, 5, 10),
    ),
    (
        "vb-nd-123-2015",
        "Nghị định 123/2015/NĐ-CP quy định chi tiết Luật Hộ tịch",
        "Hộ tịch",
        D(2015, 11, 15),
    ),
    (
        "vb-luat-dn",
        "Luật Doanh nghiệp số 59/2020/QH14",
        "Thành lập và hoạt động của doanh nghiệp",
        D(2020, 6, 17),
    ),
    (
        "vb-nd-15-2021",
        "Nghị định 15/2021/NĐ-CP quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng",
        "Hoạt động xây dựng",
        D(2021, 3, 3),
    ),
    (
        "vb-bao-cao-kt",
        "Báo cáo 75/BC-UBND tình hình kinh tế – xã hội sáu tháng đầu năm 2024",
        "Kinh tế – xã hội",
        D(2024, 6, 25),
    ),
    (
        "vb-tb-lich-tiep",
        "Thông báo 19/TB-UBND lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân tỉnh năm 2024",
        "Tiếp công dân",
        D(2024, 1, 3),
    ),
    (
        "vb-hd-thue",
        "Hướng dẫn 11/HD-STC về quản lý, sử dụng tài sản công tại cơ quan, đơn vị",
        "Tài chính",
        D(2023, 9, 14),
    ),
    (
        "vb-gia-nuoc",
        "Quyết định 22/2023/QĐ-UBND phê duyệt giá nước sạch sinh hoạt",
        "Giá",
        D(2023, 10, 2),
    ),
    (
        "vb-quy-hoach-tinh",
        "Quyết định 1735/QĐ-TTg phê duyệt Quy hoạch tỉnh thời kỳ 2021 – 2030, tầm nhìn đến năm 2050",
        "Quy hoạch",
        D(2023, 12, 28),
    ),
    (
        "vb-bao-ve-rung",
        "Quyết định 14/2022/QĐ-UBND về quản lý rừng phòng hộ ven biển",
        "Lâm nghiệp",
        D(2022, 5, 16),
    ),
    (
        "vb-thuy-loi",
        "Quyết định 09/2021/QĐ-UBND quy định phân cấp quản lý công trình thủy lợi",
        "Thủy lợi",
        D(2021, 4, 20),
    ),
]

NEWS = [
    (
        "tin-chuyen-doi-so",
        "Thái Bình đẩy mạnh chuyển đổi số trong cơ quan nhà nước",
        "Chuyển đổi số",
        D(2024, 6, 10),
    ),
    (
        "tin-dich-vu-cong",
        "Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình tăng mạnh",
        "Cải cách hành chính",
        D(2024, 5, 22),
    ),
    (
        "tin-hoi-nghi-xttm",
        "Hội nghị xúc tiến đầu tư năm 2024 thu hút nhiều nhà đầu tư",
        "Đầu tư",
        D(2024, 4, 12),
    ),
    ("tin-lua-xuan", "Nông dân khẩn trương gieo cấy lúa vụ xuân", "Nông nghiệp", D(2024, 2, 20)),
    (
        "tin-bao-so-3",
        "Chủ động ứng phó với bão số 3 và mưa lớn",
        "Phòng, chống thiên tai",
        D(2024, 9, 6),
    ),
    (
        "tin-le-hoi-den-tran",
        "Khai mạc Lễ hội Đền Trần Thái Bình năm 2024",
        "Văn hóa",
        D(2024, 3, 25),
    ),
    (
        "tin-tuyen-sinh-10",
        "Kỳ thi tuyển sinh vào lớp 10 trung học phổ thông năm học 2024 – 2025",
        "Giáo dục",
        D(2024, 6, 3),
    ),
    ("tin-khu-kinh-te", "Khu kinh tế Thái Bình thu hút dự án năng lượng", "Đầu tư", D(2024, 7, 9)),
    (
        "tin-nong-thon-moi",
        "Quỳnh Phụ về đích huyện nông thôn mới",
        "Nông thôn mới",
        D(2023, 12, 15),
    ),
    (
        "tin-cccd",
        "Đẩy nhanh cấp căn cước và tài khoản định danh điện tử cho người dân",
        "Đề án 06",
        D(2024, 3, 8),
    ),
    (
        "tin-an-toan-giao-thong",
        "Tăng cường bảo đảm trật tự an toàn giao thông dịp Tết Nguyên đán",
        "Giao thông",
        D(2024, 1, 30),
    ),
    ("tin-sot-xuat-huyet", "Chủ động phòng, chống dịch sốt xuất huyết", "Y tế", D(2024, 8, 14)),
    ("tin-bhyt-hoc-sinh", "Vận động học sinh tham gia bảo hiểm y tế", "Bảo hiểm", D(2023, 9, 18)),
    (
        "tin-vuon-uom",
        "Mô hình vườn ươm doanh nghiệp khởi nghiệp sáng tạo",
        "Khởi nghiệp",
        D(2024, 5, 5),
    ),
    ("tin-ocop", "Sản phẩm OCOP của tỉnh được công nhận đạt 4 sao", "Nông nghiệp", D(2024, 4, 28)),
    (
        "tin-hop-bao",
        "Họp báo công bố kết quả Chỉ số cải cách hành chính năm 2023",
        "Cải cách hành chính",
        D(2024, 4, 16),
    ),
    (
        "tin-ky-hop-hdnd",
        "Kỳ họp thứ mười bốn Hội đồng nhân dân tỉnh khóa XVII",
        "Chính quyền",
        D(2023, 12, 8),
    ),
    (
        "tin-tiep-cong-dan",
        "Chủ tịch Ủy ban nhân dân tỉnh tiếp công dân định kỳ tháng 5",
        "Tiếp công dân",
        D(2024, 5, 15),
    ),
    (
        "tin-mat-dien",
        "Thông báo tạm ngừng cung cấp điện để bảo dưỡng lưới điện",
        "Điện lực",
        D(2024, 7, 1),
    ),
    ("tin-nuoc-sach", "Đưa nước sạch về các xã ven biển", "Nước sạch", D(2023, 11, 20)),
    (
        "tin-bien-dong",
        "Bảo vệ chủ quyền biển đảo: tuyên truyền cho ngư dân",
        "Quốc phòng",
        D(2024, 6, 8),
    ),
    (
        "tin-dao-tao-nghe",
        "Đào tạo nghề cho lao động nông thôn năm 2024",
        "Lao động",
        D(2024, 3, 14),
    ),
    (
        "tin-xuat-khau-lao-dong",
        "Cảnh báo lừa đảo đi làm việc ở nước ngoài",
        "Lao động",
        D(2024, 2, 9),
    ),
    (
        "tin-an-ninh-mang",
        "Cảnh giác với tin nhắn giả mạo cơ quan nhà nước để lừa đảo",
        "An toàn thông tin",
        D(2024, 8, 2),
    ),
    ("tin-wifi", "Lắp đặt wifi miễn phí tại các điểm du lịch", "Du lịch", D(2023, 7, 12)),
    ("tin-bao-tang", "Bảo tàng tỉnh đón nhận hiện vật quý", "Văn hóa", D(2023, 10, 5)),
    (
        "tin-chay-rung",
        "Diễn tập phòng cháy, chữa cháy tại khu công nghiệp",
        "Phòng cháy chữa cháy",
        D(2024, 5, 27),
    ),
    (
        "tin-ban-giao-nha",
        "Bàn giao nhà tình nghĩa cho gia đình chính sách",
        "Chính sách xã hội",
        D(2024, 7, 24),
    ),
    (
        "tin-ban-ghe-truong",
        "Trao tặng bàn ghế cho trường tiểu học vùng ven biển",
        "Giáo dục",
        D(2023, 9, 2),
    ),
    (
        "tin-ban-dau-gia",
        "Thông báo bán đấu giá tài sản công là xe ô tô",
        "Tài chính",
        D(2024, 6, 19),
    ),
    ("tin-ban-chi-dao", "Kiện toàn Ban Chỉ đạo chuyển đổi số tỉnh", "Chuyển đổi số", D(2024, 3, 2)),
    (
        "tin-ban-do",
        "Công bố bản đồ hành chính tỉnh mới nhất",
        "Địa giới hành chính",
        D(2024, 1, 12),
    ),
    ("tin-hoi-thi-tin-hoc", "Hội thi tin học trẻ toàn tỉnh", "Giáo dục", D(2024, 4, 20)),
    ("tin-hien-mau", "Ngày hội hiến máu tình nguyện mùa xuân", "Y tế", D(2024, 2, 24)),
    ("tin-thu-ngan-sach", "Thu ngân sách nhà nước sáu tháng đạt cao", "Tài chính", D(2024, 7, 4)),
    ("tin-cang-diem-dien", "Khởi công dự án cảng biển Diêm Điền", "Giao thông", D(2024, 8, 20)),
    ("tin-cau-tra-ly", "Thông xe cầu Trà Lý mới", "Giao thông", D(2023, 8, 30)),
    ("tin-phong-chong-dich-ta", "Phòng chống bệnh dịch tả lợn châu Phi", "Thú y", D(2024, 6, 27)),
    (
        "tin-thi-dua-yeu-nuoc",
        "Đại hội thi đua yêu nước tỉnh lần thứ VI",
        "Thi đua, khen thưởng",
        D(2024, 9, 18),
    ),
    (
        "tin-cai-cach-thu-tuc",
        "Rút ngắn thời gian giải quyết thủ tục hành chính về đất đai",
        "Đất đai",
        D(2024, 6, 21),
    ),
    (
        "tin-so-tttt-hoi-nghi",
        "Sở Thông tin và Truyền thông tổ chức hội nghị tập huấn an toàn thông tin",
        "An toàn thông tin",
        D(2024, 5, 29),
    ),
    (
        "tin-bao-chi",
        "Gặp mặt báo chí nhân kỷ niệm Ngày Báo chí Cách mạng Việt Nam 21/6",
        "Báo chí",
        D(2024, 6, 20),
    ),
    ("tin-dan-so", "Tháng hành động quốc gia về dân số", "Dân số", D(2023, 12, 26)),
    (
        "tin-khu-cong-nghiep",
        "Khu công nghiệp Liên Hà Thái đón nhà đầu tư mới",
        "Công nghiệp",
        D(2024, 7, 16),
    ),
    (
        "tin-hop-tac-xa",
        "Liên minh Hợp tác xã tỉnh hỗ trợ hợp tác xã chuyển đổi số",
        "Hợp tác xã",
        D(2024, 4, 4),
    ),
]

QA = [
    ("hd-khai-sinh-qua-han", "Đăng ký khai sinh quá hạn cần giấy tờ gì?", "Hộ tịch", D(2024, 3, 1)),
    (
        "hd-ket-hon-khac-tinh",
        "Đăng ký kết hôn khi hai người ở hai tỉnh khác nhau làm ở đâu?",
        "Hộ tịch",
        D(2024, 4, 2),
    ),
    (
        "hd-so-do-mat",
        "Mất Giấy chứng nhận quyền sử dụng đất thì xin cấp lại thế nào?",
        "Đất đai",
        D(2024, 2, 14),
    ),
    (
        "hd-tach-thua-dien-tich",
        "Diện tích tối thiểu được tách thửa đất ở là bao nhiêu?",
        "Đất đai",
        D(2023, 11, 3),
    ),
    (
        "hd-gpxd-nong-thon",
        "Xây nhà ở nông thôn có cần giấy phép xây dựng không?",
        "Hoạt động xây dựng",
        D(2024, 5, 6),
    ),
    (
        "hd-hoc-phi",
        "Mức học phí năm học mới ở trường công lập là bao nhiêu?",
        "Giáo dục và Đào tạo",
        D(2023, 8, 25),
    ),
    (
        "hd-that-nghiep",
        "Điều kiện hưởng trợ cấp thất nghiệp gồm những gì?",
        "Việc làm",
        D(2024, 1, 22),
    ),
    (
        "hd-thai-san-nam",
        "Lao động nam có được hưởng chế độ thai sản khi vợ sinh con không?",
        "Bảo hiểm xã hội",
        D(2024, 6, 11),
    ),
    (
        "hd-ho-kinh-doanh",
        "Hộ kinh doanh có bắt buộc đăng ký mã số thuế không?",
        "Thành lập và hoạt động của hộ kinh doanh",
        D(2024, 3, 19),
    ),
    (
        "hd-dich-vu-cong",
        "Làm thế nào để nộp hồ sơ trên Cổng dịch vụ công trực tuyến?",
        "Dịch vụ công trực tuyến",
        D(2024, 7, 8),
    ),
    (
        "hd-ly-lich-tu-phap",
        "Xin phiếu lý lịch tư pháp số 2 mất bao lâu?",
        "Lý lịch tư pháp",
        D(2024, 2, 5),
    ),
    (
        "hd-chung-thuc",
        "Chứng thực bản sao có cần mang bản chính không?",
        "Chứng thực",
        D(2023, 10, 17),
    ),
    (
        "hd-nguoi-co-cong",
        "Thân nhân liệt sĩ được hưởng chế độ gì?",
        "Người có công",
        D(2024, 7, 27),
    ),
    (
        "hd-giay-phep-lai-xe",
        "Đổi giấy phép lái xe quá hạn có phải thi lại không?",
        "Đường bộ",
        D(2024, 4, 30),
    ),
    ("hd-tiem-chung", "Lịch tiêm chủng cho trẻ dưới một tuổi?", "Y tế dự phòng", D(2024, 3, 4)),
    (
        "hd-ban-hang-online",
        "Bán hàng online có phải đăng ký kinh doanh không?",
        "Thương mại điện tử",
        D(2024, 5, 13),
    ),
    ("hd-ban-nha", "Bán nhà đất cần nộp những loại thuế, phí nào?", "Đất đai", D(2024, 6, 14)),
    (
        "hd-tro-cap-nguoi-cao-tuoi",
        "Người cao tuổi từ đủ 80 tuổi có được trợ cấp xã hội không?",
        "Bảo trợ xã hội",
        D(2023, 12, 1),
    ),
    (
        "hd-khieu-nai",
        "Thời hạn giải quyết khiếu nại lần đầu là bao lâu?",
        "Giải quyết khiếu nại",
        D(2024, 1, 10),
    ),
    (
        "hd-to-cao-nac-danh",
        "Đơn tố cáo nặc danh có được giải quyết không?",
        "Giải quyết tố cáo",
        D(2023, 9, 28),
    ),
    (
        "hd-dau-tu-nuoc-ngoai",
        "Nhà đầu tư nước ngoài cần thủ tục gì để thành lập doanh nghiệp?",
        "Đầu tư tại Việt Nam",
        D(2024, 8, 8),
    ),
    (
        "hd-karaoke",
        "Điều kiện kinh doanh karaoke về phòng cháy chữa cháy?",
        "Văn hóa",
        D(2023, 7, 21),
    ),
    (
        "hd-ruou",
        "Bán rượu có độ cồn dưới 5,5 độ có cần giấy phép không?",
        "Lưu thông hàng hóa trong nước",
        D(2024, 2, 26),
    ),
    (
        "hd-quang-cao",
        "Treo băng-rôn quảng cáo cần thông báo cho cơ quan nào?",
        "Văn hóa",
        D(2023, 6, 30),
    ),
    (
        "hd-chuyen-truong",
        "Học sinh chuyển trường giữa năm học cần hồ sơ gì?",
        "Giáo dục và Đào tạo",
        D(2024, 8, 16),
    ),
    ("hd-gia-dat", "Bảng giá đất mới áp dụng từ khi nào?", "Đất đai", D(2024, 6, 6)),
    (
        "hd-rac-thai",
        "Phí thu gom rác thải sinh hoạt được tính thế nào?",
        "Môi trường",
        D(2024, 2, 2),
    ),
    ("hd-nuoc-sach-gia", "Giá nước sạch sinh hoạt năm 2024 là bao nhiêu?", "Giá", D(2024, 3, 27)),
    (
        "hd-dinh-danh",
        "Cách kích hoạt tài khoản định danh điện tử mức độ 2?",
        "Đề án 06",
        D(2024, 4, 9),
    ),
    (
        "hd-ban-hoc",
        "Nhà trường có được thu tiền mua bàn học của học sinh không?",
        "Giáo dục và Đào tạo",
        D(2023, 9, 12),
    ),
]

PAGES = [
    (
        "tr-gioi-thieu",
        "Giới thiệu chung về tỉnh Thái Bình",
        "Thái Bình là tỉnh ven biển thuộc đồng bằng sông Hồng, có 7 huyện và 1 thành phố.",
    ),
    (
        "tr-lich-su",
        "Lịch sử hình thành và phát triển",
        "Vùng đất Thái Bình được khai phá từ thế kỷ thứ X, là quê hương của nhà Trần.",
    ),
    (
        "tr-di-tich",
        "Di tích lịch sử – văn hóa tiêu biểu",
        "Đền Trần, chùa Keo, đền Đồng Bằng là những di tích quốc gia đặc biệt.",
    ),
    (
        "tr-lanh-dao",
        "Lãnh đạo Ủy ban nhân dân tỉnh",
        "Chủ tịch và các Phó Chủ tịch Ủy ban nhân dân tỉnh, tiểu sử tóm tắt và nhiệm vụ.",
    ),
    (
        "tr-co-cau",
        "Cơ cấu tổ chức Sở Thông tin và Truyền thông",
        "Văn phòng, Thanh tra, các phòng chuyên môn và Trung tâm Công nghệ thông tin và Truyền thông.",
    ),
    (
        "tr-chuc-nang",
        "Chức năng, nhiệm vụ của Sở Kế hoạch và Đầu tư",
        "Tham mưu về quy hoạch, kế hoạch, đầu tư phát triển, đăng ký doanh nghiệp.",
    ),
    (
        "tr-lien-he",
        "Thông tin liên hệ",
        "Địa chỉ, điện thoại, thư điện tử của Văn phòng Ủy ban nhân dân tỉnh.",
    ),
    (
        "tr-dieu-kien-tu-nhien",
        "Điều kiện tự nhiên",
        "Khí hậu nhiệt đới gió mùa, bờ biển dài hơn 50 km, đất đai màu mỡ.",
    ),
    (
        "tr-quynh-phu",
        "Giới thiệu huyện Quỳnh Phụ",
        "Huyện Quỳnh Phụ nằm ở phía bắc tỉnh, có 1 thị trấn và 36 xã.",
    ),
    (
        "tr-danh-ba",
        "Danh bạ điện thoại cán bộ, công chức",
        "Họ tên, chức vụ, đơn vị, số điện thoại và thư điện tử công vụ.",
    ),
    (
        "tr-huong-dan-dvc",
        "Hướng dẫn sử dụng dịch vụ công trực tuyến",
        "Đăng nhập bằng tài khoản định danh điện tử VNeID, chọn thủ tục, nộp hồ sơ và thanh toán trực tuyến.",
    ),
    ("tr-so-do-cong", "Sơ đồ cổng thông tin", "Danh sách chuyên mục của cổng thông tin điện tử."),
    (
        "tr-ban-bien-tap",
        "Ban Biên tập Cổng thông tin điện tử",
        "Thành phần Ban Biên tập, Trưởng ban, Phó Trưởng ban thường trực và các thành viên.",
    ),
    (
        "tr-quy-hoach",
        "Thông tin quy hoạch, kế hoạch phát triển",
        "Quy hoạch tỉnh thời kỳ 2021 – 2030, các quy hoạch ngành và kế hoạch sử dụng đất.",
    ),
    (
        "tr-du-an",
        "Danh mục dự án kêu gọi đầu tư",
        "Các dự án khu công nghiệp, du lịch, năng lượng sạch kêu gọi nhà đầu tư.",
    ),
    (
        "tr-bao-bi-hong",
        "Thông tin về bàn, ghế, thiết bị phòng họp trực tuyến",
        "Trang bị phòng họp trực tuyến cấp xã gồm màn hình, máy quay, bàn và ghế.",
    ),
    (
        "tr-thong-ke",
        "Số liệu thống kê kinh tế – xã hội",
        "Tổng sản phẩm trên địa bàn, thu ngân sách, dân số, lao động và việc làm.",
    ),
    (
        "tr-dich-vu-cong-mot-cua",
        "Bộ phận Một cửa tỉnh",
        "Trung tâm Phục vụ hành chính công tiếp nhận và trả kết quả giải quyết thủ tục hành chính.",
    ),
    (
        "tr-ho-tro-doanh-nghiep",
        "Hỗ trợ doanh nghiệp nhỏ và vừa",
        "Chính sách hỗ trợ tín dụng, đào tạo, tư vấn cho doanh nghiệp nhỏ và vừa.",
    ),
    (
        "tr-phan-anh-kien-nghi",
        "Tiếp nhận phản ánh, kiến nghị",
        "Người dân, doanh nghiệp phản ánh, kiến nghị về quy định hành chính qua cổng thông tin.",
    ),
    (
        "tr-ban-tin-so",
        "Bản tin chuyển đổi số",
        "Bản tin hằng tháng về chuyển đổi số, chính quyền số và kinh tế số.",
    ),
    (
        "tr-ban-dan-toc",
        "Công tác dân tộc, tôn giáo",
        "Chính sách đối với đồng bào dân tộc thiểu số và hoạt động tôn giáo.",
    ),
    (
        "tr-bang-gia",
        "Bảng giá các loại đất tham khảo",
        "Tra cứu bảng giá đất ở, đất nông nghiệp theo từng huyện, thành phố.",
    ),
    (
        "tr-ban-chuyen-doi-so",
        "Ban Chỉ đạo chuyển đổi số của tỉnh",
        "Danh sách thành viên và quy chế hoạt động của Ban Chỉ đạo.",
    ),
    (
        "tr-ho-tro-nong-dan",
        "Hỗ trợ nông dân chuyển đổi cơ cấu cây trồng",
        "Kinh phí hỗ trợ giống, phân bón và kỹ thuật canh tác.",
    ),
]

PORTALS = ("main", "sotttt", "quynhphu")


def items():
    """Every corpus item as a dict for indexing."""
    out = []
    for i, (key, title, sector) in enumerate(PROCEDURES):
        body = (
            f"Thủ tục hành chính: {title}. Lĩnh vực {sector}. Trình tự thực hiện: tổ chức, cá nhân "
            "chuẩn bị hồ sơ theo quy định và nộp trực tiếp tại Bộ phận tiếp nhận và trả kết quả "
            "hoặc nộp trực tuyến trên Cổng dịch vụ công. Thời hạn giải quyết tính theo ngày làm việc "
            "kể từ ngày nhận đủ hồ sơ hợp lệ."
        )
        out.append(
            dict(
                key=key,
                kind="procedure",
                portal=PORTALS[i % 3],
                title=title,
                body=body,
                sector=sector,
                date=D(2023, 1 + i % 12, 1 + i % 27),
            )
        )
    for i, (key, title, sector, date) in enumerate(LEGAL):
        body = (
            f"{title}. Cơ quan ban hành: Ủy ban nhân dân tỉnh. Lĩnh vực: {sector}. Văn bản có hiệu "
            "lực kể từ ngày ký. Các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố chịu trách "
            "nhiệm thi hành."
        )
        out.append(
            dict(
                key=key,
                kind="legal",
                portal="main" if i % 4 else "sotttt",
                title=title,
                body=body,
                sector=sector,
                date=date,
            )
        )
    for i, (key, title, sector, date) in enumerate(NEWS):
        body = (
            f"{title}. Theo thông tin từ cơ quan chức năng, trong thời gian qua các địa phương đã "
            f"triển khai nhiều giải pháp thuộc lĩnh vực {sector.lower()}, nhận được sự đồng thuận "
            "của người dân và doanh nghiệp."
        )
        out.append(
            dict(
                key=key,
                kind="article",
                portal=PORTALS[i % 3],
                title=title,
                body=body,
                sector=sector,
                date=date,
            )
        )
    for i, (key, title, sector, date) in enumerate(QA):
        body = (
            f"Câu hỏi: {title} Trả lời: Căn cứ quy định hiện hành về {sector.lower()}, cơ quan "
            "chuyên môn trả lời như sau: công dân liên hệ Bộ phận một cửa để được hướng dẫn cụ thể."
        )
        out.append(
            dict(
                key=key,
                kind="qa",
                portal=PORTALS[(i + 1) % 3],
                title=title,
                body=body,
                sector=sector,
                date=date,
            )
        )
    for i, (key, title, body) in enumerate(PAGES):
        out.append(
            dict(
                key=key,
                kind="page",
                portal=PORTALS[i % 3],
                title=title,
                body=body,
                sector="",
                date=D(2022, 1 + i % 12, 10),
            )
        )
    return out


# (query as typed, the relevant keys: the top 5 should hold them, the first result be one).
# "thu-tuc" is the procedures index page (/thu-tuc/) that every portal has.
QUERIES = [
    ("đăng ký khai sinh", ["tt-khai-sinh", "tt-khai-sinh-nn", "hd-khai-sinh-qua-han"]),
    ("dang ky khai sinh", ["tt-khai-sinh", "tt-khai-sinh-nn", "hd-khai-sinh-qua-han"]),
    ("DANG KY KET HON", ["tt-ket-hon", "tt-ket-hon-nn", "hd-ket-hon-khac-tinh"]),
    ("kết hôn nước ngoài", ["tt-ket-hon-nn"]),
    ("khai tu", ["tt-khai-tu"]),
    ("thủ tục hành chính", ["vb-nd-61-2018", "tin-cai-cach-thu-tuc", "vb-45-qd", "thu-tuc"]),
    ("05/2014/QĐ-UBND", ["vb-05-2014"]),
    ("05/2014/QD-UBND", ["vb-05-2014"]),
    ("05/2014", ["vb-05-2014"]),
    ("qd 12/2019", ["vb-12-2019"]),
    ("30/2020/NĐ-CP", ["vb-nd-30-2020"]),
    ("nghi dinh 61/2018", ["vb-nd-61-2018"]),
    ("125/KH-UBND", ["vb-125-kh"]),
    ("1234/UBND-VP", ["vb-1234-ubnd"]),
    ("bảng giá đất", ["vb-12-2019", "vb-bang-gia-dat", "tr-bang-gia", "hd-gia-dat"]),
    ("bang gia dat", ["vb-12-2019", "vb-bang-gia-dat", "tr-bang-gia", "hd-gia-dat"]),
    ("giấy phép xây dựng", ["tt-gpxd-nha-o", "tt-gpxd-gia-han", "hd-gpxd-nong-thon"]),
    ("giay phep xay dung nha o", ["tt-gpxd-nha-o"]),
    (
        "chuyển đổi số",
        [
            "tin-chuyen-doi-so",
            "vb-09-2022-ct",
            "tin-ban-chi-dao",
            "tr-ban-chuyen-doi-so",
            "tr-ban-tin-so",
            "tin-hop-tac-xa",
        ],
    ),
    (
        "chuyen doi so",
        [
            "tin-chuyen-doi-so",
            "vb-09-2022-ct",
            "tin-ban-chi-dao",
            "tr-ban-chuyen-doi-so",
            "tr-ban-tin-so",
            "tin-hop-tac-xa",
        ],
    ),
    ("lý lịch tư pháp", ["tt-ly-lich-tu-phap", "hd-ly-lich-tu-phap"]),
    ("ly lich tu phap", ["tt-ly-lich-tu-phap", "hd-ly-lich-tu-phap"]),
    ("trợ cấp thất nghiệp", ["tt-tro-cap-that-nghiep", "hd-that-nghiep"]),
    ("thai sản", ["tt-bhxh-thai-san", "hd-thai-san-nam"]),
    ("chứng thực bản sao", ["tt-chung-thuc-ban-sao", "hd-chung-thuc"]),
    (
        "thanh lap doanh nghiep",
        [
            "tt-dn-tu-nhan",
            "hd-dau-tu-nuoc-ngoai",
            "tt-dn-cp",
            "tt-dn-tnhh",
            "tt-dn-giai-the",
            "tt-dn-tam-ngung",
        ],
    ),
    ("công ty cổ phần", ["tt-dn-cp"]),
    ("hộ kinh doanh", ["tt-dkkd-ho", "tt-dkkd-ho-thay-doi", "hd-ho-kinh-doanh"]),
    ("bàn", ["tin-ban-giao-nha", "tin-ban-ghe-truong", "tr-bao-bi-hong", "hd-ban-hoc"]),
    ("bán", ["tin-ban-dau-gia", "hd-ban-hang-online", "hd-ban-nha", "hd-ruou", "tt-gpkd-ruou"]),
    ("bản đồ", ["tin-ban-do"]),
    ("Ban Chỉ đạo", ["tin-ban-chi-dao", "tr-ban-chuyen-doi-so"]),
    ("karaoke", ["tt-karaoke", "hd-karaoke"]),
    ("le hoi den tran", ["tin-le-hoi-den-tran"]),
    ("Quỳnh Phụ", ["tin-nong-thon-moi", "tr-quynh-phu", "vb-210-qd"]),
    ("thu tuc hanh chinh dat dai", ["tin-cai-cach-thu-tuc"]),
    ("đinh danh điện tử", ["hd-dinh-danh", "tin-cccd", "vb-125-kh"]),
    ("giay phep lai xe", ["tt-doi-gplx", "hd-giay-phep-lai-xe"]),
    ("an toàn thực phẩm", ["tt-attp"]),
    ("tiep cong dan", ["tt-tiep-cong-dan", "vb-2087-ubnd", "tin-tiep-cong-dan", "vb-tb-lich-tiep"]),
    # Misspellings: corrected by "did you mean" when nothing matches.
    ("karaok", ["tt-karaoke", "hd-karaoke"]),
    ("khai sinnh", ["tt-khai-sinh", "tt-khai-sinh-nn", "hd-khai-sinh-qua-han"]),
    ("thát nghiep", ["tt-tro-cap-that-nghiep", "hd-that-nghiep"]),
    (
        "chuyen doi sô",
        [
            "tin-chuyen-doi-so",
            "vb-09-2022-ct",
            "tin-ban-chi-dao",
            "tr-ban-chuyen-doi-so",
            "tr-ban-tin-so",
            "tin-hop-tac-xa",
        ],
    ),
]
