import ProfileDomain

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A date as the specs write it: RFC 3339 in UTC with `Z` (`2024-01-01T00:00:00Z`, creator,
/// mobile) or the social spec's zone-less UTC form (`2026-05-19T10:30:45`).
///
/// Formatting and parsing are done by hand (no `DateFormatter`): they are pure arithmetic on the
/// proleptic Gregorian calendar, allocation-light and thread-safe.
///
/// - Formatting writes whole seconds (a fraction is truncated toward the past) and years as four
///   digits.
/// - Parsing accepts `T`, `t` or a space between date and time, an optional fraction of any
///   length, and `Z`, `z`, `+hh:mm`, `-hh:mm` or nothing (read as UTC). It rejects impossible
///   dates such as February 30.
/// - Decoding remembers which form it read, so a sample decodes and re-encodes to the same text;
///   an offset other than `Z` re-encodes normalised to `Z`.
public struct WireTimestamp: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How a timestamp is written.
    public enum Style: Sendable, Hashable, CaseIterable {
        /// RFC 3339 in UTC with a `Z`: `2024-01-01T00:00:00Z`.
        case rfc3339
        /// UTC without a zone designator: `2026-05-19T10:30:45` (the social spec).
        case zoneless
    }

    /// The instant.
    public let date: Date
    /// The form it is written in.
    public let style: Style

    /// Creates a timestamp of `date` written in `style`.
    public init(_ date: Date, style: Style) {
        self.date = date
        self.style = style
    }

    /// Parses `string` (see the type's documentation for the accepted forms), or `nil`.
    ///
    /// The style is ``Style/zoneless`` when the string has no zone designator, else
    /// ``Style/rfc3339``.
    public init?(parsing string: String) {
        guard let parsed = Self.parseComponents(string) else { return nil }
        self.init(parsed.date, style: parsed.hasZone ? .rfc3339 : .zoneless)
    }

    /// The text in ``style``.
    public var description: String { Self.format(date, style: style) }

    /// Decodes a JSON string in any accepted form; anything else is `DecodingError.dataCorrupted`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let string = try container.decode(String.self)
        guard let timestamp = WireTimestamp(parsing: string) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "\(string) is not a timestamp such as 2024-01-01T00:00:00Z or 2026-05-19T10:30:45"
            )
        }
        self = timestamp
    }

    /// Encodes the text in ``style``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Formats `date` in `style`.
    package static func format(_ date: Date, style: Style) -> String {
        let seconds = Int64((date.timeIntervalSince1970).rounded(.down))
        let days = floorDivide(seconds, 86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = civilDate(fromDaysSinceEpoch: days)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        appendDigits(Int(year), count: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(month, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        appendDigits(day, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        appendDigits(secondOfDay / 3600, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay / 60 % 60, count: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        appendDigits(secondOfDay % 60, count: 2, to: &bytes)
        if style == .rfc3339 { bytes.append(UInt8(ascii: "Z")) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Parses `string` into a date, or `nil`; see the type's documentation for the accepted forms.
    package static func parse(_ string: String) -> Date? {
        parseComponents(string)?.date
    }

    private static func parseComponents(_ string: String) -> (date: Date, hasZone: Bool)? {
        var scanner = DigitScanner(bytes: Array(string.utf8))
        guard let year = scanner.number(digits: 4), scanner.skip(UInt8(ascii: "-")),
            let month = scanner.number(digits: 2), scanner.skip(UInt8(ascii: "-")),
            let day = scanner.number(digits: 2),
            scanner.skip(anyOf: [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")]),
            let hour = scanner.number(digits: 2), scanner.skip(UInt8(ascii: ":")),
            let minute = scanner.number(digits: 2), scanner.skip(UInt8(ascii: ":")),
            let second = scanner.number(digits: 2)
        else { return nil }
        guard (1...12).contains(month), (1...daysInMonth(month, year: year)).contains(day),
            hour < 24, minute < 60, second <= 60
        else { return nil }
        var fraction = 0.0
        if scanner.skip(UInt8(ascii: ".")) {
            guard let parsed = scanner.fraction() else { return nil }
            fraction = parsed
        }
        var offsetSeconds = 0
        var hasZone = false
        if scanner.skip(anyOf: [UInt8(ascii: "Z"), UInt8(ascii: "z")]) {
            hasZone = true
        } else if let sign = scanner.take(anyOf: [UInt8(ascii: "+"), UInt8(ascii: "-")]) {
            guard let offsetHours = scanner.number(digits: 2), scanner.skip(UInt8(ascii: ":")),
                let offsetMinutes = scanner.number(digits: 2), offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
            hasZone = true
        }
        guard scanner.isAtEnd else { return nil }
        let days = daysSinceEpoch(year: Int64(year), month: month, day: day)
        let seconds = days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offsetSeconds)
        return (Date(timeIntervalSince1970: Double(seconds) + fraction), hasZone)
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for every proleptic Gregorian date.
    private static func daysSinceEpoch(year: Int64, month: Int, day: Int) -> Int64 {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDivide(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let monthIndex = Int64(month > 2 ? month - 3 : month + 9)
        let dayOfYear = (153 * monthIndex + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civilDate(fromDaysSinceEpoch days: Int64) -> (year: Int64, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floorDivide(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        let month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    private static func appendDigits(_ value: Int, count: Int, to bytes: inout [UInt8]) {
        var digits: [UInt8] = []
        var remaining = abs(value)
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(remaining % 10))
            remaining /= 10
        } while remaining > 0
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: max(0, count - digits.count)))
        bytes.append(contentsOf: digits.reversed())
    }
}

/// Reads fixed-width digit groups and separators from UTF-8 bytes, for ``WireTimestamp``.
private struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { index == bytes.count }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += digits
        return value
    }

    /// One or more digits after a decimal point, as a fraction of a second.
    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 1.0
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            // Digits past nanoseconds cannot change a Date; they are read and ignored.
            if scale > 1e-9 {
                scale /= 10
                value += Double(bytes[index] - UInt8(ascii: "0")) * scale
            }
            index += 1
        }
        return index > start ? value : nil
    }

    mutating func skip(_ byte: UInt8) -> Bool {
        take(anyOf: [byte]) != nil
    }

    mutating func skip(anyOf set: [UInt8]) -> Bool {
        take(anyOf: set) != nil
    }

    mutating func take(anyOf set: [UInt8]) -> UInt8? {
        guard index < bytes.count, set.contains(bytes[index]) else { return nil }
        defer { index += 1 }
        return bytes[index]
    }
}
