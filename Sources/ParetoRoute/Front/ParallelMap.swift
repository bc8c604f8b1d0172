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
