/// What changed between two fronts: hypervolume, points gained and lost, and the
/// configuration a budget buys, intent by intent.
public struct FrontDiff: Sendable {
    /// One intent's change at the budget.
    public struct IntentChange: Sendable, Hashable {
        /// The intent's name.
        public var intent: String
        /// The old setting (nil when the intent is new).
        public var old: Setting?
        /// The new setting (nil when the intent is gone).
        public var new: Setting?
        /// New minus old monthly cost of the intent's cell.
        public var costDeltaUSD: Double
        /// New minus old quality of the intent's cell.
        public var qualityDelta: Double
        /// Standard error of the old cell's quality.
        public var oldStandardError: Double = 0
        /// Standard error of the new cell's quality.
        public var newStandardError: Double = 0

        /// True when the intent's quality moved by less than `z` standard errors of the
        /// difference (the two cells' samples are independent): noise, not change.
        public func isWithinNoise(z: Double) -> Bool {
            guard old != nil, new != nil else { return false }
            return abs(qualityDelta) < z * (oldStandardError * oldStandardError + newStandardError * newStandardError).squareRoot()
        }
    }

    /// A setting of the run (constraint, scope, what-if) that differs between the fronts.
    public struct SettingChange: Sendable, Equatable {
        /// The settings key, as in the front file.
        public var key: String
        /// The old value (null when the old front lacks the key).
        public var old: JSONValue
        /// The new value (null when the new front lacks the key).
        public var new: JSONValue
    }

    /// The reference point over both fronts' union.
    public var referencePoint: (cost: Double, quality: Double)
    /// Old and new hypervolume against that one reference.
    public var oldHypervolume: Double
    /// The new front's hypervolume.
    public var newHypervolume: Double
    /// Configurations on the new front only (indices into the new front).
    public var gained: [Int]
    /// Configurations on the old front only (indices into the old front).
    public var lost: [Int]
    /// The budget compared.
    public var budgetUSD: Double
    /// What the budget picks on each front.
    public var oldPick: Int?
    /// The new front's pick at the budget.
    public var newPick: Int?
    /// Per-intent changes between the two picks (only intents that changed).
    public var changes: [IntentChange]
    /// Settings that differ, old front's keys first, so a diff says which assumptions moved.
    public var settingChanges: [SettingChange]
    /// Whether the two fronts were made from different data.
    public var dataChanged: Bool

    /// The hypervolume change in percent of the old one (0 when the old one is 0).
    public var hypervolumeChangePercent: Double {
        oldHypervolume > 0 ? (newHypervolume / oldHypervolume - 1) * 100 : 0
    }

    /// `z` standard errors of the quality difference between the two picks (nil without
    /// both picks): a smaller quality change is within noise.
    public func qualityNoiseMargin(z: Double, old: Front, new: Front) -> Double? {
        guard let o = oldPick, let n = newPick else { return nil }
        return z * new.points[n].qualityDifferenceStandardError(to: old.points[o])
    }

    /// Compares `old` with `new` at `budget` (default: the old front's knee cost).
    public init(old: Front, new: Front, budget: Double? = nil) {
        referencePoint = FrontGeometry.referencePoint(old.objectives + new.objectives)
        oldHypervolume = FrontGeometry.hypervolume(old.objectives, reference: referencePoint)
        newHypervolume = FrontGeometry.hypervolume(new.objectives, reference: referencePoint)
        // Sets for membership only; the lists keep the fronts' order.
        let oldConfigurations = old.points.map(\.configuration)
        let newConfigurations = new.points.map(\.configuration)
        let oldSet = Set(oldConfigurations), newSet = Set(newConfigurations)
        gained = newConfigurations.indices.filter { !oldSet.contains(newConfigurations[$0]) }
        lost = oldConfigurations.indices.filter { !newSet.contains(oldConfigurations[$0]) }
        dataChanged = old.dataFingerprint != new.dataFingerprint
        var settingChanges: [SettingChange] = []
        for (key, oldValue) in old.settings {
            let newValue = new.settings.first { $0.0 == key }?.1 ?? .null
            if oldValue != newValue { settingChanges.append(SettingChange(key: key, old: oldValue, new: newValue)) }
        }
        for (key, newValue) in new.settings where !old.settings.contains(where: { $0.0 == key }) {
            settingChanges.append(SettingChange(key: key, old: .null, new: newValue))
        }
        self.settingChanges = settingChanges
        let budget = budget ?? old.kneeIndex.map { old.points[$0].monthlyCostUSD } ?? 0
        budgetUSD = budget
        if case .found(let i) = FrontPicker.pick(.budget(budget), from: old) { oldPick = i }
        if case .found(let i) = FrontPicker.pick(.budget(budget), from: new) { newPick = i }
        var changes: [IntentChange] = []
        if let o = oldPick, let n = newPick {
            let before = old.points[o].intents, after = new.points[n].intents
            for figures in after {
                let previous = before.first { $0.intent == figures.intent }
                if previous?.setting != figures.setting {
                    changes.append(IntentChange(
                        intent: figures.intent, old: previous?.setting, new: figures.setting,
                        costDeltaUSD: figures.monthlyCostUSD - (previous?.monthlyCostUSD ?? 0),
                        qualityDelta: figures.quality - (previous?.quality ?? 0),
                        oldStandardError: previous?.qualityStandardError ?? 0, newStandardError: figures.qualityStandardError))
                }
            }
            for figures in before where !after.contains(where: { $0.intent == figures.intent }) {
                changes.append(IntentChange(intent: figures.intent, old: figures.setting, new: nil,
                                            costDeltaUSD: -figures.monthlyCostUSD, qualityDelta: -figures.quality))
            }
        }
        self.changes = changes
    }
}
