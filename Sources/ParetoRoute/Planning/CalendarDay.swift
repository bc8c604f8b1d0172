/// A calendar day, `"YYYY-MM-DD"`: how the design doc's A12 scenario dates its changes, so a
/// change inside a month can apply to that month's remaining days only.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The month the day is in.
    public var month: CalendarMonth
    /// The day of the month, 1…``daysInMonth``.
    public var day: Int

    /// Creates a day; `day` must be within the month.
    public init(month: CalendarMonth, day: Int) {
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (a real day of the Gregorian calendar); nil otherwise.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[7] == UInt8(ascii: "-"),
              bytes[8...].allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let month = CalendarMonth(String(decoding: bytes[..<7], as: UTF8.self)) else { return nil }
        let day = Int(bytes[8] - 48) * 10 + Int(bytes[9] - 48)
        guard day >= 1, day <= month.dayCount else { return nil }
        self.init(month: month, day: day)
    }

    /// Days from the start of this day to the end of its month, this day included.
    public var remainingDaysInMonth: Int { month.dayCount - day + 1 }

    /// Orders by month, then day.
    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.month, lhs.day) < (rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        month.description + (day < 10 ? "-0" : "-") + "\(day)"
    }
}

extension CalendarMonth {
    /// The number of days of the month in the Gregorian calendar (28–31).
    public var dayCount: Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
