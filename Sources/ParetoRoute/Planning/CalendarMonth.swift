/// A calendar month, `"YYYY-MM"`: how a scenario names when it starts and when a change takes effect.
public struct CalendarMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year (1000–9999).
    public var year: Int
    /// The month, 1–12.
    public var month: Int

    /// Creates a month; `month` must be in 1...12.
    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM` (four digits, a hyphen, two digits, month 01–12); nil otherwise.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || ($0.element >= 48 && $0.element <= 57) }) else { return nil }
        let digits = bytes.map { Int($0) - 48 }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        let month = digits[5] * 10 + digits[6]
        guard year >= 1000, (1...12).contains(month) else { return nil }
        self.init(year: year, month: month)
    }

    /// Months from `self` to `other` (negative when `other` is earlier).
    public func months(to other: CalendarMonth) -> Int {
        (other.year - year) * 12 + (other.month - month)
    }

    /// The month `count` months later.
    public func adding(months count: Int) -> CalendarMonth {
        let index = year * 12 + (month - 1) + count
        return CalendarMonth(year: index / 12, month: index % 12 + 1)
    }

    /// Orders by year, then month.
    public static func < (lhs: CalendarMonth, rhs: CalendarMonth) -> Bool {
        (lhs.year, lhs.month) < (rhs.year, rhs.month)
    }

    /// `YYYY-MM`.
    public var description: String {
        "\(year)-" + (month < 10 ? "0" : "") + "\(month)"
    }
}
