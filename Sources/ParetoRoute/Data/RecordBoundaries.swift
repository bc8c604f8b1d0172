#if canImport(Glibc)
import Glibc
#endif

/// Where CSV bytes can be cut so that every piece parses on its own.
///
/// RFC 4180 lets a quoted field hold line breaks, so a line break ends a record only outside
/// quotes, and which side of a quote a byte is on cannot be told without reading from the start
/// (a stray quote in a bad file would shift every later guess). The loader therefore cuts only the
/// unambiguous case, bytes without any `"`: there every line feed ends a record. A file with a quote
/// anywhere is read on one thread (``EvalsReader``).
enum RecordBoundaries {
    /// Whether `bytes` hold a `"` (then a line feed may sit inside a field).
    static func hasQuote(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
        return memchr(base, 0x22, bytes.count) != nil
    }

    /// The index of the first line feed at or after `start`, if any.
    static func firstLineFeed(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
              let found = memchr(base + start, 0x0A, bytes.count - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// The index of the last line feed in `bytes[start...]`, if any.
    static func lastLineFeed(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = bytes.count - 1
        while index >= start {
            if bytes[index] == 0x0A { return index }
            index -= 1
        }
        return nil
    }

    /// `range` cut into pieces of about `size` bytes, each ending just after a line feed (the
    /// last one at `range`'s end), for quote-free bytes.
    static func pieces(of bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, size: Int) -> [Range<Int>] {
        var pieces: [Range<Int>] = []
        var start = range.lowerBound
        while range.upperBound - start > size {
            guard let lineFeed = firstLineFeed(in: UnsafeBufferPointer(rebasing: bytes[..<range.upperBound]),
                                               from: start + size - 1) else { break }
            pieces.append(start..<(lineFeed + 1))
            start = lineFeed + 1
        }
        if start < range.upperBound || pieces.isEmpty { pieces.append(start..<range.upperBound) }
        return pieces
    }
}
