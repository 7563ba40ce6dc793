package vn.hailong.demo;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import vn.hailong.directory.AgencyKind;
import vn.hailong.security.Role;

/**
 * The made-up demo province, modelled on Khánh Hòa (province code H56): its units, the provincial
 * public service centre and its counters, the procedures people apply for, and the demo log-ins.
 * Procedure codes follow the national pattern (1.00xxxx / 2.00xxxx) but are illustrative: not every
 * code matches the national procedure database.
 */
final class DemoCatalogue {

    private DemoCatalogue() {}

    /** The province; its presence marks the demo data as generated. */
    static final String PROVINCE_CODE = "000.00.00.H56";
    /** The agency that runs the provincial public service centre. */
    static final String CENTRE_AGENCY_CODE = "000.00.30.H56";

    static final String CENTRE_CODE = "TTPVHCC-H56";
    static final String TNMT_CODE = "000.00.06.H56";
    static final String DEPARTMENT_GROUP = "DEPARTMENT";
    static final String COMMUNE_GROUP = "COMMUNE";

    /** A unit of the demo province; {@code weight} is its share of commune-level dossiers (communes only). */
    record Unit(
            String code,
            String name,
            AgencyKind kind,
            @Nullable String parent,
            @Nullable String peerGroup,
            double weight) {}

    /** A counter of the provincial centre and the departments whose procedures it receives. */
    record CounterDef(String code, String name, List<String> departments) {}

    /**
     * A procedure. {@code department} is the competent department, or null for a commune-level
     * procedure (decided by a commune). {@code days}: working days allowed (0 = within the day).
     * {@code weight}: relative volume within its level. {@code online}, {@code business}: share of
     * dossiers submitted online, and filed by businesses.
     */
    record ProcedureDef(
            String code,
            String name,
            String field,
            @Nullable String department,
            int days,
            double weight,
            double online,
            double business) {

        boolean communeLevel() {
            return department == null;
        }
    }

    /** A demo log-in. */
    record DemoAccount(
            String username,
            String password,
            String displayName,
            Role role,
            @Nullable String agencyCode) {}

    /** Demo log-ins (copied into the README): usernames, passwords, roles, units. */
    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("admin", "admin123!", "Quản trị hệ thống (demo)", Role.ADMIN, null),
            new DemoAccount(
                    "tinh", "tinh123!", "Sở Nội vụ - theo dõi toàn tỉnh (demo)", Role.PROVINCE_MANAGER, PROVINCE_CODE),
            new DemoAccount(
                    "tnmt", "tnmt123!", "Lãnh đạo Sở Tài nguyên và Môi trường (demo)", Role.UNIT_MANAGER, TNMT_CODE),
            new DemoAccount("kiemtoan", "kiemtoan123!", "Kiểm toán viên (demo)", Role.AUDITOR, null),
            new DemoAccount(
                    "canbo",
                    "canbo123!",
                    "Cán bộ Trung tâm Phục vụ hành chính công (demo)",
                    Role.OFFICER,
                    CENTRE_AGENCY_CODE));

    static final Unit PROVINCE =
            new Unit(PROVINCE_CODE, "UBND tỉnh Khánh Hòa (demo)", AgencyKind.PROVINCE, null, null, 0);

    static final Unit CENTRE_AGENCY = new Unit(
            CENTRE_AGENCY_CODE,
            "Trung tâm Phục vụ hành chính công tỉnh Khánh Hòa",
            AgencyKind.SERVICE_CENTRE,
            PROVINCE_CODE,
            null,
            0);

    static final List<Unit> DEPARTMENTS = List.of(
            department("000.00.03.H56", "Sở Kế hoạch và Đầu tư"),
            department("000.00.04.H56", "Sở Tài chính"),
            department("000.00.05.H56", "Sở Tư pháp"),
            department(TNMT_CODE, "Sở Tài nguyên và Môi trường"),
            department("000.00.07.H56", "Sở Xây dựng"),
            department("000.00.08.H56", "Sở Giao thông vận tải"),
            department("000.00.09.H56", "Sở Y tế"),
            department("000.00.10.H56", "Sở Giáo dục và Đào tạo"),
            department("000.00.11.H56", "Sở Lao động - Thương binh và Xã hội"),
            department("000.00.12.H56", "Sở Công Thương"),
            department("000.00.13.H56", "Sở Nông nghiệp và Phát triển nông thôn"),
            department("000.00.14.H56", "Sở Nội vụ"),
            department("000.00.15.H56", "Sở Văn hóa, Thể thao và Du lịch"),
            department("000.00.16.H56", "Sở Thông tin và Truyền thông"));

    /** Communes, wards and the special zone since the two-level local government of 1 July 2025. */
    static final List<Unit> COMMUNES = List.of(
            commune("000.17.22.H56", "Phường Nha Trang", 2.2),
            commune("000.17.23.H56", "Phường Bắc Nha Trang", 1.8),
            commune("000.17.24.H56", "Phường Tây Nha Trang", 1.6),
            commune("000.17.25.H56", "Phường Nam Nha Trang", 1.7),
            commune("000.18.01.H56", "Phường Cam Ranh", 1.3),
            commune("000.18.02.H56", "Phường Bắc Cam Ranh", 0.9),
            commune("000.18.03.H56", "Phường Cam Linh", 0.8),
            commune("000.18.04.H56", "Phường Ba Ngòi", 0.9),
            commune("000.19.01.H56", "Phường Ninh Hòa", 1.1),
            commune("000.19.02.H56", "Phường Đông Ninh Hòa", 0.8),
            commune("000.19.03.H56", "Phường Hòa Thắng", 0.7),
            commune("000.19.04.H56", "Xã Tân Định", 0.5),
            commune("000.20.01.H56", "Xã Vạn Ninh", 0.8),
            commune("000.20.02.H56", "Xã Đại Lãnh", 0.4),
            commune("000.20.03.H56", "Xã Tu Bông", 0.5),
            commune("000.20.04.H56", "Xã Vạn Thắng", 0.5),
            commune("000.21.01.H56", "Xã Diên Khánh", 1.0),
            commune("000.21.02.H56", "Xã Diên Lạc", 0.6),
            commune("000.21.03.H56", "Xã Suối Hiệp", 0.6),
            commune("000.22.01.H56", "Xã Cam Lâm", 0.8),
            commune("000.22.02.H56", "Xã Suối Dầu", 0.5),
            commune("000.22.03.H56", "Xã Cam Hiệp", 0.5),
            commune("000.23.01.H56", "Xã Khánh Vĩnh", 0.5),
            commune("000.24.01.H56", "Xã Khánh Sơn", 0.4),
            commune("000.25.01.H56", "Đặc khu Trường Sa", 0.08));

    static final List<CounterDef> COUNTERS = List.of(
            counter(1, "Quầy 01 - Đất đai, Tài nguyên và Môi trường", TNMT_CODE),
            counter(2, "Quầy 02 - Tư pháp", "000.00.05.H56"),
            counter(3, "Quầy 03 - Kế hoạch và Đầu tư, Tài chính", "000.00.03.H56", "000.00.04.H56"),
            counter(4, "Quầy 04 - Xây dựng, Giao thông vận tải", "000.00.07.H56", "000.00.08.H56"),
            counter(5, "Quầy 05 - Y tế, Giáo dục và Đào tạo", "000.00.09.H56", "000.00.10.H56"),
            counter(6, "Quầy 06 - Lao động - Thương binh và Xã hội, Nội vụ", "000.00.11.H56", "000.00.14.H56"),
            counter(7, "Quầy 07 - Công Thương, Nông nghiệp", "000.00.12.H56", "000.00.13.H56"),
            counter(
                    8,
                    "Quầy 08 - Văn hóa, Thể thao và Du lịch, Thông tin và Truyền thông",
                    "000.00.15.H56",
                    "000.00.16.H56"),
            counter(9, "Quầy 09 - Bưu chính công ích (nhận, trả hồ sơ qua bưu điện)"));

    /** The counter that receives postal dossiers. */
    static final String POSTAL_COUNTER = CENTRE_CODE + "-Q09";

    static final List<ProcedureDef> PROCEDURES = List.of(
            // Sở Kế hoạch và Đầu tư
            dept(
                    "2.001610",
                    "Đăng ký thành lập doanh nghiệp tư nhân",
                    "Đăng ký kinh doanh",
                    "000.00.03.H56",
                    3,
                    3,
                    0.8,
                    0.95),
            dept(
                    "2.001199",
                    "Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên",
                    "Đăng ký kinh doanh",
                    "000.00.03.H56",
                    3,
                    6,
                    0.85,
                    0.95),
            dept(
                    "2.002042",
                    "Đăng ký thành lập công ty cổ phần",
                    "Đăng ký kinh doanh",
                    "000.00.03.H56",
                    3,
                    2.5,
                    0.85,
                    0.95),
            dept(
                    "1.005167",
                    "Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
                    "Đăng ký kinh doanh",
                    "000.00.03.H56",
                    3,
                    8,
                    0.85,
                    0.95),
            dept(
                    "2.002086",
                    "Đăng ký hoạt động chi nhánh, văn phòng đại diện, địa điểm kinh doanh",
                    "Đăng ký kinh doanh",
                    "000.00.03.H56",
                    3,
                    2,
                    0.8,
                    0.95),
            dept(
                    "1.009645",
                    "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư",
                    "Đầu tư tại Việt Nam",
                    "000.00.03.H56",
                    15,
                    0.5,
                    0.5,
                    0.95),
            // Sở Tài chính
            dept(
                    "1.005424",
                    "Đăng ký mã số đơn vị có quan hệ với ngân sách",
                    "Tài chính - Ngân sách",
                    "000.00.04.H56",
                    2,
                    1.2,
                    0.6,
                    0.1),
            dept(
                    "1.005431",
                    "Quyết định giá thuộc thẩm quyền của cấp tỉnh",
                    "Quản lý giá",
                    "000.00.04.H56",
                    15,
                    0.5,
                    0.3,
                    0.6),
            // Sở Tư pháp
            dept(
                    "1.000100",
                    "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
                    "Lý lịch tư pháp",
                    "000.00.05.H56",
                    10,
                    10,
                    0.45,
                    0),
            dept(
                    "2.000488",
                    "Đăng ký hoạt động Văn phòng công chứng",
                    "Công chứng",
                    "000.00.05.H56",
                    10,
                    0.3,
                    0.3,
                    0.5),
            dept(
                    "1.001071",
                    "Đăng ký hoạt động của tổ chức hành nghề luật sư",
                    "Luật sư",
                    "000.00.05.H56",
                    7,
                    0.3,
                    0.3,
                    0.5),
            // Sở Tài nguyên và Môi trường
            dept(
                    "1.004227",
                    "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
                    "Đất đai",
                    TNMT_CODE,
                    10,
                    14,
                    0.3,
                    0.15),
            dept(
                    "1.012754",
                    "Cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất lần đầu cho tổ chức",
                    "Đất đai",
                    TNMT_CODE,
                    20,
                    2,
                    0.2,
                    0.9),
            dept(
                    "1.004616",
                    "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
                    "Đất đai",
                    TNMT_CODE,
                    7,
                    6,
                    0.3,
                    0.1),
            dept(
                    "1.004193",
                    "Cấp lại Giấy chứng nhận quyền sử dụng đất do bị mất",
                    "Đất đai",
                    TNMT_CODE,
                    10,
                    2,
                    0.25,
                    0.05),
            dept(
                    "1.001009",
                    "Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất",
                    "Đăng ký biện pháp bảo đảm",
                    TNMT_CODE,
                    1,
                    8,
                    0.4,
                    0.3),
            dept(
                    "1.004283",
                    "Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất",
                    "Đăng ký biện pháp bảo đảm",
                    TNMT_CODE,
                    1,
                    4,
                    0.4,
                    0.3),
            dept("1.000987", "Cung cấp thông tin, dữ liệu đất đai", "Đất đai", TNMT_CODE, 2, 3, 0.6, 0.3),
            dept(
                    "1.010734",
                    "Cấp giấy phép môi trường thuộc thẩm quyền cấp tỉnh",
                    "Môi trường",
                    TNMT_CODE,
                    30,
                    0.5,
                    0.5,
                    0.95),
            dept(
                    "1.010727",
                    "Thẩm định báo cáo đánh giá tác động môi trường",
                    "Môi trường",
                    TNMT_CODE,
                    25,
                    0.3,
                    0.4,
                    0.95),
            dept(
                    "1.004122",
                    "Cấp giấy phép khai thác, sử dụng nước dưới đất",
                    "Tài nguyên nước",
                    TNMT_CODE,
                    23,
                    0.4,
                    0.3,
                    0.8),
            // Sở Xây dựng
            dept(
                    "1.009972",
                    "Cấp giấy phép xây dựng mới đối với công trình cấp I, cấp II",
                    "Hoạt động xây dựng",
                    "000.00.07.H56",
                    20,
                    1,
                    0.4,
                    0.9),
            dept(
                    "1.009974",
                    "Cấp giấy phép sửa chữa, cải tạo công trình",
                    "Hoạt động xây dựng",
                    "000.00.07.H56",
                    20,
                    0.4,
                    0.4,
                    0.8),
            dept(
                    "1.009982",
                    "Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III",
                    "Hoạt động xây dựng",
                    "000.00.07.H56",
                    20,
                    1.5,
                    0.6,
                    0),
            dept(
                    "1.009994",
                    "Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng",
                    "Hoạt động xây dựng",
                    "000.00.07.H56",
                    25,
                    0.4,
                    0.3,
                    0.9),
            // Sở Giao thông vận tải
            dept(
                    "1.002804",
                    "Đổi giấy phép lái xe do ngành Giao thông vận tải cấp",
                    "Đường bộ",
                    "000.00.08.H56",
                    5,
                    10,
                    0.45,
                    0),
            dept("1.002809", "Cấp lại giấy phép lái xe", "Đường bộ", "000.00.08.H56", 10, 2, 0.3, 0),
            dept("1.002835", "Cấp phù hiệu xe kinh doanh vận tải", "Đường bộ", "000.00.08.H56", 2, 5, 0.6, 0.8),
            dept(
                    "1.002856",
                    "Cấp giấy phép kinh doanh vận tải bằng xe ô tô",
                    "Đường bộ",
                    "000.00.08.H56",
                    5,
                    1,
                    0.6,
                    0.95),
            dept(
                    "1.001777",
                    "Cấp giấy phép lưu hành xe quá tải trọng, xe quá khổ giới hạn trên đường bộ",
                    "Đường bộ",
                    "000.00.08.H56",
                    2,
                    1.5,
                    0.6,
                    0.9),
            // Sở Y tế
            dept(
                    "1.002291",
                    "Cấp Giấy chứng nhận đủ điều kiện kinh doanh dược cho nhà thuốc",
                    "Dược phẩm",
                    "000.00.09.H56",
                    20,
                    1.5,
                    0.4,
                    0.6),
            dept("1.003609", "Cấp chứng chỉ hành nghề dược", "Dược phẩm", "000.00.09.H56", 10, 1.5, 0.4, 0),
            dept(
                    "1.011980",
                    "Cấp giấy phép hành nghề khám bệnh, chữa bệnh",
                    "Khám bệnh, chữa bệnh",
                    "000.00.09.H56",
                    20,
                    1.5,
                    0.4,
                    0),
            dept(
                    "1.003018",
                    "Cấp giấy phép hoạt động đối với phòng khám đa khoa",
                    "Khám bệnh, chữa bệnh",
                    "000.00.09.H56",
                    30,
                    0.4,
                    0.3,
                    0.9),
            dept(
                    "2.000655",
                    "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (ngành Y tế)",
                    "An toàn thực phẩm",
                    "000.00.09.H56",
                    15,
                    0.8,
                    0.4,
                    0.7),
            // Sở Giáo dục và Đào tạo
            dept(
                    "2.001914",
                    "Chỉnh sửa nội dung văn bằng, chứng chỉ",
                    "Văn bằng, chứng chỉ",
                    "000.00.10.H56",
                    5,
                    0.5,
                    0.4,
                    0),
            dept(
                    "1.005092",
                    "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc",
                    "Văn bằng, chứng chỉ",
                    "000.00.10.H56",
                    0,
                    2,
                    0.3,
                    0),
            dept(
                    "1.005088",
                    "Công nhận văn bằng tốt nghiệp do cơ sở giáo dục nước ngoài cấp",
                    "Văn bằng, chứng chỉ",
                    "000.00.10.H56",
                    20,
                    0.3,
                    0.5,
                    0),
            dept(
                    "1.004444",
                    "Cho phép trung tâm ngoại ngữ, tin học hoạt động giáo dục",
                    "Giáo dục và Đào tạo",
                    "000.00.10.H56",
                    20,
                    0.3,
                    0.4,
                    0.95),
            // Sở Lao động - Thương binh và Xã hội
            dept(
                    "1.000105",
                    "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
                    "Việc làm",
                    "000.00.11.H56",
                    5,
                    2,
                    0.7,
                    0.95),
            dept(
                    "1.000459",
                    "Gia hạn giấy phép lao động cho người lao động nước ngoài",
                    "Việc làm",
                    "000.00.11.H56",
                    5,
                    1,
                    0.7,
                    0.95),
            dept("1.001776", "Giải quyết hưởng trợ cấp thất nghiệp", "Việc làm", "000.00.11.H56", 20, 3, 0.3, 0),
            dept(
                    "1.002745",
                    "Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp",
                    "Giáo dục nghề nghiệp",
                    "000.00.11.H56",
                    10,
                    0.2,
                    0.3,
                    0.9),
            // Sở Công Thương
            dept(
                    "2.000633",
                    "Cấp Giấy phép bán buôn rượu",
                    "Lưu thông hàng hóa trong nước",
                    "000.00.12.H56",
                    15,
                    0.4,
                    0.6,
                    0.95),
            dept(
                    "2.000181",
                    "Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai",
                    "Kinh doanh khí",
                    "000.00.12.H56",
                    15,
                    0.4,
                    0.5,
                    0.9),
            dept(
                    "2.000591",
                    "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm (ngành Công Thương)",
                    "An toàn thực phẩm",
                    "000.00.12.H56",
                    20,
                    0.6,
                    0.5,
                    0.8),
            dept("2.000204", "Cấp giấy phép hoạt động điện lực", "Điện", "000.00.12.H56", 15, 0.2, 0.5, 0.95),
            dept(
                    "2.001627",
                    "Xác nhận đăng ký thực hiện khuyến mại",
                    "Xúc tiến thương mại",
                    "000.00.12.H56",
                    5,
                    2,
                    0.9,
                    0.98),
            // Sở Nông nghiệp và Phát triển nông thôn
            dept(
                    "1.003619",
                    "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm nông, lâm, thủy sản",
                    "Quản lý chất lượng nông lâm sản và thủy sản",
                    "000.00.13.H56",
                    15,
                    0.8,
                    0.4,
                    0.7),
            dept("1.004344", "Cấp giấy phép khai thác thủy sản", "Thủy sản", "000.00.13.H56", 6, 1.5, 0.2, 0.1),
            dept(
                    "1.003810",
                    "Cấp Giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật",
                    "Bảo vệ thực vật",
                    "000.00.13.H56",
                    20,
                    0.6,
                    0.3,
                    0.5),
            dept("1.005327", "Cấp chứng chỉ hành nghề thú y", "Thú y", "000.00.13.H56", 5, 0.3, 0.3, 0),
            // Sở Nội vụ
            dept(
                    "1.003918",
                    "Công nhận ban vận động thành lập hội",
                    "Tổ chức phi chính phủ",
                    "000.00.14.H56",
                    30,
                    0.2,
                    0.2,
                    0.1),
            dept(
                    "1.000775",
                    "Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
                    "Thi đua - Khen thưởng",
                    "000.00.14.H56",
                    20,
                    1.5,
                    0.5,
                    0.3),
            dept(
                    "1.005385",
                    "Thẩm định thành lập đơn vị sự nghiệp công lập",
                    "Tổ chức - Biên chế",
                    "000.00.14.H56",
                    20,
                    0.2,
                    0.2,
                    0),
            // Sở Văn hóa, Thể thao và Du lịch
            dept(
                    "1.001029",
                    "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke",
                    "Văn hóa",
                    "000.00.15.H56",
                    5,
                    0.4,
                    0.5,
                    0.8),
            dept(
                    "1.004598",
                    "Cấp Giấy phép kinh doanh dịch vụ lữ hành nội địa",
                    "Du lịch",
                    "000.00.15.H56",
                    10,
                    0.3,
                    0.6,
                    0.95),
            dept(
                    "1.001432",
                    "Công nhận hạng cơ sở lưu trú du lịch từ 1 đến 3 sao",
                    "Du lịch",
                    "000.00.15.H56",
                    30,
                    0.4,
                    0.5,
                    0.95),
            dept("1.001455", "Cấp thẻ hướng dẫn viên du lịch nội địa", "Du lịch", "000.00.15.H56", 10, 0.8, 0.6, 0),
            // Sở Thông tin và Truyền thông
            dept("1.003620", "Cấp giấy phép xuất bản bản tin", "Báo chí", "000.00.16.H56", 10, 0.5, 0.5, 0.7),
            dept(
                    "1.004443",
                    "Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp",
                    "Phát thanh, truyền hình và thông tin điện tử",
                    "000.00.16.H56",
                    10,
                    0.8,
                    0.8,
                    0.95),
            dept(
                    "1.003863",
                    "Cấp giấy phép hoạt động in",
                    "Xuất bản, in và phát hành",
                    "000.00.16.H56",
                    7,
                    0.6,
                    0.5,
                    0.95),
            // Commune level: civil status
            commune("1.001193", "Đăng ký khai sinh", "Hộ tịch", 0, 14, 0.35),
            commune("1.000894", "Đăng ký kết hôn", "Hộ tịch", 0, 5, 0.2),
            commune("1.000656", "Đăng ký khai tử", "Hộ tịch", 0, 3, 0.2),
            commune("1.004873", "Cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch", 3, 6, 0.4),
            commune("2.000635", "Cấp bản sao Trích lục hộ tịch", "Hộ tịch", 0, 5, 0.5),
            commune("1.004859", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", "Hộ tịch", 3, 2, 0.2),
            commune("1.001022", "Đăng ký khai sinh có yếu tố nước ngoài", "Hộ tịch", 3, 0.3, 0.2),
            commune("1.000593", "Đăng ký kết hôn có yếu tố nước ngoài", "Hộ tịch", 15, 0.3, 0.1),
            commune("1.004746", "Đăng ký nhận cha, mẹ, con", "Hộ tịch", 3, 0.5, 0.1),
            // Commune level: certification
            communeInPerson("2.000815", "Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực", 0, 18),
            communeInPerson("2.000884", "Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực", 0, 6),
            communeInPerson(
                    "2.001035",
                    "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản",
                    "Chứng thực",
                    2,
                    1.5),
            communeInPerson(
                    "2.001406",
                    "Chứng thực hợp đồng, giao dịch liên quan đến quyền sử dụng đất, nhà ở",
                    "Chứng thực",
                    2,
                    3),
            // Commune level: household businesses, land, construction, social protection
            dept("2.000720", "Đăng ký thành lập hộ kinh doanh", "Đăng ký kinh doanh", null, 3, 3, 0.5, 0.05),
            dept(
                    "2.000575",
                    "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh",
                    "Đăng ký kinh doanh",
                    null,
                    3,
                    1.5,
                    0.5,
                    0.05),
            dept(
                    "1.012790",
                    "Đăng ký đất đai, tài sản gắn liền với đất lần đầu cho hộ gia đình, cá nhân",
                    "Đất đai",
                    null,
                    20,
                    2,
                    0.2,
                    0),
            dept("1.012797", "Hòa giải tranh chấp đất đai", "Đất đai", null, 30, 0.3, 0.05, 0),
            dept("1.009979", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Hoạt động xây dựng", null, 15, 3, 0.35, 0.02),
            dept(
                    "2.000286",
                    "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng",
                    "Bảo trợ xã hội",
                    null,
                    10,
                    1.5,
                    0.15,
                    0),
            dept(
                    "1.001758",
                    "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội",
                    "Bảo trợ xã hội",
                    null,
                    3,
                    0.5,
                    0.1,
                    0),
            dept("1.002252", "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ", "Người có công", null, 12, 0.3, 0.1, 0),
            dept(
                    "1.000748",
                    "Tặng Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã",
                    "Thi đua - Khen thưởng",
                    null,
                    20,
                    0.3,
                    0.3,
                    0.3),
            dept("1.012345", "Thông báo tổ chức lễ hội cấp xã", "Văn hóa", null, 5, 0.2, 0.3, 0.1));

    // Officer names: family names, and middle and given names by gender, so that names read naturally.
    static final List<String> FAMILY_NAMES = List.of(
            "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
            "Dương", "Lý", "Trương", "Đinh");
    static final List<String> MALE_MIDDLE =
            List.of("Văn", "Hữu", "Minh", "Quốc", "Đức", "Thanh", "Công", "Xuân", "Hoàng");
    static final List<String> MALE_GIVEN = List.of(
            "An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Nam", "Phong", "Phúc", "Quang", "Sơn",
            "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Tài", "Hiếu");
    static final List<String> FEMALE_MIDDLE = List.of("Thị", "Ngọc", "Thu", "Thanh", "Thùy", "Minh", "Kim", "Bảo");
    static final List<String> FEMALE_GIVEN = List.of(
            "Anh", "Châu", "Giang", "Hà", "Hạnh", "Hiền", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga", "Ngân", "Nhung",
            "Phương", "Quyên", "Tâm", "Thảo", "Trang", "Trinh", "Uyên", "Vân", "Yến");

    /** Comments given with a "not satisfied" answer, by reason code. */
    static final Map<String, List<String>> DISSATISFIED_COMMENTS = Map.of(
            "SLOW",
                    List.of(
                            "Hồ sơ trả kết quả trễ hẹn so với giấy hẹn, không được thông báo trước.",
                            "Thời gian giải quyết quá lâu, phải đi lại nhiều lần để hỏi tiến độ.",
                            "Đã quá hạn mà chưa nhận được văn bản xin lỗi và hẹn lại ngày trả kết quả."),
            "ATTITUDE",
                    List.of(
                            "Cán bộ tiếp nhận trả lời thiếu nhiệt tình.",
                            "Thái độ phục vụ chưa niềm nở, nói chuyện cộc lốc.",
                            "Cán bộ làm việc riêng, để người dân chờ lâu."),
            "EXTRA_DOCUMENTS",
                    List.of(
                            "Bị yêu cầu bổ sung giấy tờ nhiều lần, mỗi lần một loại khác nhau.",
                            "Phải nộp thêm bản sao giấy tờ đã có trong cơ sở dữ liệu quốc gia về dân cư.",
                            "Yêu cầu giấy tờ không có trong thành phần hồ sơ đã công khai."),
            "UNCLEAR_GUIDANCE",
                    List.of(
                            "Hướng dẫn kê khai chưa rõ ràng, phải điền lại tờ khai.",
                            "Thông tin thủ tục trên Cổng Dịch vụ công khác với hướng dẫn tại quầy.",
                            "Không được hướng dẫn đầy đủ ngay từ lần đầu nên phải đi lại."),
            "EXTRA_FEES",
                    List.of(
                            "Phải trả thêm phí photo, đánh máy không có trong quy định.",
                            "Được gợi ý nộp thêm tiền để giải quyết nhanh hơn."),
            "OTHER",
                    List.of(
                            "Khu vực chờ đông, thiếu ghế ngồi và chỗ để xe.",
                            "Hệ thống lấy số thứ tự bị lỗi, phải chờ lâu.",
                            "Không nhận được tin nhắn thông báo khi có kết quả.",
                            "Cổng Dịch vụ công bị lỗi khi thanh toán trực tuyến."));

    /** Comments sometimes left with a satisfied answer. */
    static final List<String> PRAISE = List.of(
            "Cán bộ hướng dẫn tận tình, chu đáo.",
            "Thủ tục nhanh gọn, trả kết quả sớm hơn hẹn.",
            "Rất hài lòng, cảm ơn cán bộ Bộ phận Một cửa.",
            "Nộp hồ sơ trực tuyến thuận tiện, không phải đi lại.",
            "Nhận kết quả qua bưu điện rất tiện.",
            "Không gian tiếp dân sạch sẽ, thoáng mát.");

    private static Unit department(String code, String name) {
        return new Unit(code, name, AgencyKind.DEPARTMENT, PROVINCE_CODE, DEPARTMENT_GROUP, 0);
    }

    private static Unit commune(String code, String name, double weight) {
        return new Unit(code, name, AgencyKind.COMMUNE, PROVINCE_CODE, COMMUNE_GROUP, weight);
    }

    private static CounterDef counter(int number, String name, String... departments) {
        return new CounterDef(String.format("%s-Q%02d", CENTRE_CODE, number), name, List.of(departments));
    }

    private static ProcedureDef dept(
            String code,
            String name,
            String field,
            @Nullable String department,
            int days,
            double weight,
            double online,
            double business) {
        return new ProcedureDef(code, name, field, department, days, weight, online, business);
    }

    private static ProcedureDef commune(
            String code, String name, String field, int days, double weight, double online) {
        return new ProcedureDef(code, name, field, null, days, weight, online, 0);
    }

    /** Certifications need the original papers and the signer in person. */
    private static ProcedureDef communeInPerson(String code, String name, String field, int days, double weight) {
        return new ProcedureDef(code, name, field, null, days, weight, 0, 0.03);
    }
}
