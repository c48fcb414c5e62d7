/// Name parts for generated citizens, with their Vietnamese diacritics, weighted roughly like
/// the real distribution (Nguyễn is by far the most common family name).
enum VietnameseNames {
    static let familyNames: [String] = [
        "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Trần",
        "Lê", "Lê", "Lê", "Phạm", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
        "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai", "Cao", "Tạ", "Đoàn", "Chu",
    ]

    static let maleMiddleNames: [String] = [
        "Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thành", "Công", "Xuân", "Hoàng", "Duy",
        "Đình", "Ngọc", "Anh", "Quang", "Trọng", "Tuấn", "Gia", "Hải",
    ]

    static let femaleMiddleNames: [String] = [
        "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Bích", "Phương", "Kim", "Hồng", "Thùy",
        "Mỹ", "Diệu", "Khánh", "Hoài", "Quỳnh", "Bảo",
    ]

    static let maleGivenNames: [String] = [
        "An", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy",
        "Khang", "Khoa", "Kiên", "Long", "Lâm", "Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân",
        "Quang", "Sơn", "Tài", "Thắng", "Thành", "Tiến", "Toàn", "Trung", "Tuấn", "Việt", "Vinh", "Vũ",
    ]

    static let femaleGivenNames: [String] = [
        "Anh", "Ánh", "Chi", "Diệp", "Dung", "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Hồng",
        "Huệ", "Hương", "Lan", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh",
        "Phương", "Quỳnh", "Tâm", "Thảo", "Thủy", "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Yến",
    ]

    static let streetNames: [String] = [
        "Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Lý Thường Kiệt", "Quang Trung", "Hai Bà Trưng",
        "Lê Hồng Phong", "Phan Đình Phùng", "Nguyễn Du", "Hùng Vương", "Điện Biên Phủ", "Võ Thị Sáu",
    ]

    /// A full name for a person of `gender` ("1" male, "2" female).
    static func fullName(gender: String, using generator: inout SeededGenerator) -> String {
        let family = generator.pick(familyNames)
        let isMale = gender == "1"
        let middle = generator.pick(isMale ? maleMiddleNames : femaleMiddleNames)
        let given = generator.pick(isMale ? maleGivenNames : femaleGivenNames)
        return "\(family) \(middle) \(given)"
    }

    /// A street-level address detail such as "Số 12, đường Lê Lợi".
    static func streetAddress(using generator: inout SeededGenerator) -> String {
        "Số \(Int.random(in: 1...299, using: &generator)), đường \(generator.pick(streetNames))"
    }
}
