extension WhatIf {
    /// Checks every override's range, once, for the CLI and library callers alike: prices
    /// and fees >= 0, volumes and the volume scale > 0, cache rates in [0, 1), all finite.
    /// ``apply(to:)`` calls it; a caller may call it first to fail before loading data.
    /// - Throws: ``RequestError`` on the option at fault (``RequestError/Option/prices``, …).
    public func validate() throws(RequestError) {
        for model in newModels { try model.validate() }
        for (name, price) in prices.sorted(by: { $0.key < $1.key })
        where ![price.input, price.output, price.cacheRead, price.cacheWrite].allSatisfy({ $0 >= 0 && $0.isFinite }) {
            throw RequestError([.prices], "\(name): \(price) is not a price; expected USD per million tokens >= 0")
        }
        for (name, fee) in fixedFees.sorted(by: { $0.key < $1.key }) where !(fee >= 0 && fee.isFinite) {
            throw RequestError([.fixedFees], "\(name): \(formatNumber(fee)) is not a monthly fee; expected USD >= 0")
        }
        if let scale = volumeScale, !(scale > 0 && scale.isFinite) {
            throw RequestError([.volumeScale], "\(formatNumber(scale)) is not a scale; expected a number > 0")
        }
        for (name, volume) in volumes.sorted(by: { $0.key < $1.key }) where !(volume > 0 && volume.isFinite) {
            throw RequestError([.volumes], "\(name): \(formatNumber(volume)) is not a daily volume; expected a number > 0")
        }
        for (name, rate) in responseCacheRates.sorted(by: { $0.key < $1.key }) where !(rate >= 0 && rate < 1) {
            throw RequestError([.responseCacheRates], "\(name): \(formatNumber(rate)) is not a cache hit rate; expected a number in [0, 1)")
        }
    }
}
