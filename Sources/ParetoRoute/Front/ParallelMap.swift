import Dispatch

/// `body(0..<count)` computed on every core, results in index order.
///
/// Each index writes only its own slot, so the result is the same as a sequential map
/// whatever the scheduling; `chunk` indices run per task to keep the overhead small.
func parallelMap<Result: Sendable>(count: Int, chunk: Int = 1, _ body: @Sendable (Int) -> Result) -> [Result] {
    guard count > 0 else { return [] }
    let chunk = max(1, chunk)
    var slots = [Result?](repeating: nil, count: count)
    slots.withUnsafeMutableBufferPointer { buffer in
        let shared = SharedSlots(base: buffer.baseAddress)
        DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { part in
            for index in (part * chunk)..<min(count, (part + 1) * chunk) {
                shared.base?[index] = body(index)
            }
        }
    }
    return slots.compactMap { $0 }
}

/// The slots' address, handed to the workers; safe because every worker writes disjoint slots.
private struct SharedSlots<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>?
}

/// `first()` and `second()` run at once, one thread each; both results are returned.
///
/// For two independent reads (a 70 MB front file and a 720 K-row data directory) that
/// would otherwise take turns on a machine with idle cores.
func inParallel<First: Sendable, Second: Sendable>(_ first: @Sendable () -> First,
                                                   _ second: @Sendable () -> Second) -> (First, Second) {
    var a: First?, b: Second?
    for result in parallelMap(count: 2, { $0 == 0 ? Either<First, Second>.first(first()) : .second(second()) }) {
        switch result {
        case .first(let value): a = value
        case .second(let value): b = value
        }
    }
    guard let a, let b else { preconditionFailure("parallelMap returned fewer than two results") }
    return (a, b)
}

/// One of two results, for ``inParallel(_:_:)``.
private enum Either<First: Sendable, Second: Sendable>: Sendable {
    case first(First), second(Second)
}
