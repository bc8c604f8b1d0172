/// What changed between two fronts: hypervolume, points gained and lost, the assumptions
/// that moved, and the configuration a budget buys, intent by intent.
public struct FrontDiff: Sendable {
    /// One intent's change at the budget.
    public struct IntentChange: Sendable, Hashable {
        /// The intent's name.
        public var intent: String
        /// The old setting or route (nil when the intent is new).
        public var old: IntentOption?
        /// The new setting or route (nil when the intent is gone).
        public var new: IntentOption?
        /// New minus old monthly cost of the intent's cell.
        public var costDeltaUSD: Double
        /// New minus old quality of the intent's cell.
        public var qualityDelta: Double
        /// Standard error of the old cell's quality (nil: fewer than 2 samples).
        public var oldStandardError: Double? = 0
        /// Standard error of the new cell's quality (nil: fewer than 2 samples).
        public var newStandardError: Double? = 0

        /// True when the intent's quality moved by less than `z` standard errors of the
        /// difference (the two cells' samples are independent): noise, not change. A cell of
        /// one sample has no standard error, so no change of it can be told from noise.
        public func isWithinNoise(z: Double) -> Bool {
            guard old != nil, new != nil else { return false }
            guard let a = oldStandardError, let b = newStandardError else { return true }
            return abs(qualityDelta) < z * (a * a + b * b).squareRoot()
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

    /// What identifies each front in a diff.
    public struct Side: Sendable {
        /// The data fingerprint.
        public var dataFingerprint: String
        /// How the front was found.
        public var method: Front.Method
        /// Its point count.
        public var pointCount: Int
        /// Its hypervolume against the diff's ``FrontDiff/referencePoint``.
        public var hypervolume: Double
    }

    /// The reference point over both fronts' union (the tool's rule).
    public var referencePoint: (cost: Double, quality: Double)
    /// The old front.
    public var old: Side
    /// The new front.
    public var new: Side
    /// Configurations on the new front only (indices into the new front).
    public var gained: [Int]
    /// Configurations on the old front only (indices into the old front).
    public var lost: [Int]
    /// The budget compared.
    public var budgetUSD: Double
    /// What the budget picks on the old front: its index and the point.
    public var oldPick: (index: Int, point: FrontPoint)?
    /// What the budget picks on the new front.
    public var newPick: (index: Int, point: FrontPoint)?
    /// Per-intent changes between the two picks (only intents that changed).
    public var changes: [IntentChange]
    /// Settings that differ, old front's keys first, so a diff says which assumptions moved.
    public var settingChanges: [SettingChange]

    /// Whether the two fronts were made from different data.
    public var dataChanged: Bool { old.dataFingerprint != new.dataFingerprint }
    /// Cells both fronts use whose figures moved (different data only; empty on the same data).
    public var movedCells: [MovedCell] = []
    /// Configurations only one front has, when both come from the same data under the same
    /// assumptions: the search's differences, not changes (``gained`` and ``lost`` are then
    /// empty). Nil otherwise.
    public var searchDifferences: (onlyOld: Int, onlyNew: Int)?

    /// Old hypervolume against the union's reference point.
    public var oldHypervolume: Double { old.hypervolume }
    /// New hypervolume against the union's reference point.
    public var newHypervolume: Double { new.hypervolume }

    /// The hypervolume change in percent of the old one (0 when the old one is 0).
    public var hypervolumeChangePercent: Double {
        oldHypervolume > 0 ? (newHypervolume / oldHypervolume - 1) * 100 : 0
    }

    /// `z` standard errors of the quality difference between the two picks (nil without
    /// both picks): a smaller quality change is within noise.
    public func qualityNoiseMargin(z: Double) -> Double? {
        guard let o = oldPick, let n = newPick else { return nil }
        return z * n.point.qualityDifferenceStandardError(to: o.point)
    }

    /// Compares `old` with `new` at `budget` (default: the old front's knee cost).
    ///
    /// - Complexity: O((n + m) × intents) for n and m points.
    public init(old: Front, new: Front, budget: Double? = nil) {
        let reference = FrontGeometry.referencePoint(old.objectives + new.objectives)
        referencePoint = reference
        func side(_ front: Front) -> Side {
            Side(dataFingerprint: front.dataFingerprint, method: front.method, pointCount: front.points.count,
                 hypervolume: FrontGeometry.hypervolume(front.objectives, reference: reference))
        }
        self.old = side(old)
        self.new = side(new)
        // Configurations compared by cell ids shared by both fronts (intents by name), not by
        // building 10⁵ configurations of names and settings.
        var identities = CellIdentities()
        let oldKeys = identities.keys(of: old), newKeys = identities.keys(of: new)
        let (onlyOld, onlyNew) = ConfigurationKeys.unmatched(oldKeys, newKeys)
        let oldSettings = old.settings.json, newSettings = new.settings.json
        var settingChanges: [SettingChange] = []
        for (key, oldValue) in oldSettings {
            let newValue = newSettings.first { $0.0 == key }?.1 ?? .null
            if oldValue != newValue { settingChanges.append(SettingChange(key: key, old: oldValue, new: newValue)) }
        }
        for (key, newValue) in newSettings where !oldSettings.contains(where: { $0.0 == key }) {
            settingChanges.append(SettingChange(key: key, old: .null, new: newValue))
        }
        self.settingChanges = settingChanges
        // The same problem: the same data under the same assumptions; only the search's own
        // settings (method, seed, population, …) may differ.
        let searchKeys: Set<String> = ["population", "generations", "stall_generations", "seed", "max_points"]
        if old.dataFingerprint == new.dataFingerprint, settingChanges.allSatisfy({ searchKeys.contains($0.key) }) {
            // Same data, same cells: a configuration one front lacks is one its search missed
            // (or thinned away), not something the data gained or lost.
            (lost, gained) = ([], [])
            searchDifferences = (onlyOld.count, onlyNew.count)
        } else {
            (lost, gained) = (onlyOld, onlyNew)
            if old.dataFingerprint != new.dataFingerprint {
                movedCells = MovedCell.between(old, new, z: NormalQuantile.twoSided(0.95))
            }
        }
        let budget = budget ?? old.kneeIndex.map { old.points[$0].monthlyCostUSD } ?? 0
        budgetUSD = budget
        if case .found(let i) = FrontPicker.pick(.budget(budget), from: old) { oldPick = (i, old.points[i]) }
        if case .found(let i) = FrontPicker.pick(.budget(budget), from: new) { newPick = (i, new.points[i]) }
        var changes: [IntentChange] = []
        if let o = oldPick, let n = newPick {
            let before = o.point.intents, after = n.point.intents
            for figures in after {
                let previous = before.first { $0.intent == figures.intent }
                if previous?.option != figures.option {
                    changes.append(IntentChange(
                        intent: figures.intent, old: previous?.option, new: figures.option,
                        costDeltaUSD: figures.monthlyCostUSD - (previous?.monthlyCostUSD ?? 0),
                        qualityDelta: figures.quality - (previous?.quality ?? 0),
                        oldStandardError: previous.flatMap(\.qualityStandardError), newStandardError: figures.qualityStandardError))
                }
            }
            for figures in before where !after.contains(where: { $0.intent == figures.intent }) {
                changes.append(IntentChange(intent: figures.intent, old: figures.option, new: nil,
                                            costDeltaUSD: -figures.monthlyCostUSD, qualityDelta: -figures.quality))
            }
        }
        self.changes = changes
    }

    /// Why the new front is worse than the old one, for a pipeline gate (empty: not worse).
    ///
    /// Worse means: its hypervolume over the union's reference point is lower by more than
    /// a relative 10⁻⁹ (rounding noise of the sums), or the point the budget buys lost
    /// quality by more than `z` standard errors of the difference, or nothing fits the
    /// budget on the new front.
    public func regressions(z: Double) -> [String] {
        var reasons: [String] = []
        if newHypervolume < oldHypervolume * (1 - 1e-9) {
            reasons.append("the hypervolume fell from \(formatFixed(oldHypervolume, decimals: 2)) to \(formatFixed(newHypervolume, decimals: 2))")
        }
        switch (oldPick, newPick) {
        case let (o?, n?):
            let lost = o.point.quality - n.point.quality
            if lost > 0, lost >= (qualityNoiseMargin(z: z) ?? 0) {
                reasons.append("at \(formatUSD(budgetUSD))/month the quality fell by \(formatQuality(lost)), beyond noise")
            }
        case (_, nil):
            reasons.append("the new front has no point within \(formatUSD(budgetUSD))/month")
        default:
            break
        }
        return reasons
    }

    /// The diff for scripts (`diff --json`): both fronts, the reference point, the
    /// hypervolume change, configurations gained and lost, settings that differ, and the
    /// points at the budget with each intent change.
    public func json(z: Double) -> JSONValue {
        func side(_ side: Side) -> JSONValue {
            .object([
                ("data_fingerprint", .string(side.dataFingerprint)), ("method", .string(side.method.rawValue)),
                ("point_count", .number(Double(side.pointCount))), ("hypervolume", .number(side.hypervolume)),
            ])
        }
        func pick(_ pick: (index: Int, point: FrontPoint)?) -> JSONValue {
            guard let pick else { return .null }
            return .object([
                ("point", .number(Double(pick.index + 1))), ("monthly_cost_usd", .number(pick.point.monthlyCostUSD)),
                ("quality", .number(pick.point.quality)), ("feasible", .bool(pick.point.isFeasible)),
            ])
        }
        let regressions = regressions(z: z)
        return .object([
            ("old", side(old)),
            ("new", side(new)),
            ("reference_point", .object([("monthly_cost_usd", .number(referencePoint.cost)), ("quality", .number(referencePoint.quality))])),
            ("hypervolume_change", .number(newHypervolume - oldHypervolume)),
            ("hypervolume_change_percent", .number(hypervolumeChangePercent)),
            ("same_data", .bool(!dataChanged)),
            ("configurations_gained", .number(Double(gained.count))),
            ("configurations_lost", .number(Double(lost.count))),
            ("search_differences", searchDifferences.map {
                .object([("only_old", .number(Double($0.onlyOld))), ("only_new", .number(Double($0.onlyNew)))])
            } ?? .null),
            ("moved_cells", .array(movedCells.map { cell in
                .object([("intent", .string(cell.intent)), ("setting", .string(cell.option.description)),
                         ("old_quality", .number(cell.oldQuality)), ("new_quality", .number(cell.newQuality)),
                         ("quality_beyond_noise", .bool(cell.qualityBeyondNoise)),
                         ("cost_change_usd", .number(cell.costChangeUSD)), ("p99_change_ms", .number(cell.p99ChangeMs))])
            })),
            ("settings_changed", .array(settingChanges.map {
                .object([("key", .string($0.key)), ("old", $0.old), ("new", $0.new)])
            })),
            ("budget_usd", .number(budgetUSD)),
            ("at_budget", .object([
                ("old", pick(oldPick)),
                ("new", pick(newPick)),
                ("changes", .array(changes.map { change in
                    .object([
                        ("intent", .string(change.intent)),
                        ("from", change.old.map(Configuration.json(of:)) ?? .null),
                        ("to", change.new.map(Configuration.json(of:)) ?? .null),
                        ("cost_change", .number(change.costDeltaUSD)),
                        ("quality_change", .number(change.qualityDelta)),
                        ("within_noise", .bool(change.isWithinNoise(z: z))),
                    ])
                })),
            ])),
            ("worse", .bool(!regressions.isEmpty)),
            ("regressions", .array(regressions.map { .string($0) })),
        ])
    }
}

/// Numbers for the cells of two fronts, so configurations compare as small integers.
private struct CellIdentities {
    private var intents: [String: Int] = [:]
    private var cells: [[IntentOption: Int32]] = []

    /// `front`'s points as cell numbers, one slot per intent name met so far (in order of
    /// first meeting); keys of both fronts must be taken before comparing them.
    mutating func keys(of front: Front) -> ConfigurationKeys {
        var slots: [Int] = []
        var maps: [[Int32]] = []
        for (j, intent) in front.intents.enumerated() {
            let slot = intents[intent.name] ?? {
                intents[intent.name] = cells.count
                cells.append([:])
                return cells.count - 1
            }()
            slots.append(slot)
            maps.append(front.catalog.cells[j].map { cell in
                if let id = cells[slot][cell.option] { return id }
                let id = Int32(cells[slot].count)
                cells[slot][cell.option] = id
                return id
            })
        }
        return ConfigurationKeys(front: front, slots: slots, maps: maps)
    }
}

/// A front's configurations as cell numbers per intent slot.
///
/// Two fronts are compared by a 64-bit hash per configuration, both sorted and merged, and
/// a slot-by-slot check where hashes agree: no key array per point is built, and no
/// collision makes two configurations equal.
private struct ConfigurationKeys {
    private let points: [[Int32]]
    /// Per slot, the front's intent there (-1: the front lacks that intent).
    private var intentOfSlot: [Int]
    private let maps: [[Int32]]

    init(front: Front, slots: [Int], maps: [[Int32]]) {
        points = front.points.map(\.cells)
        self.maps = maps
        intentOfSlot = [Int](repeating: -1, count: (slots.max() ?? -1) + 1)
        for (j, slot) in slots.enumerated() { intentOfSlot[slot] = j }
    }

    /// Point `p`'s cell number at `slot` (-1 when the front lacks the intent).
    private func id(_ cells: [Int32], _ slot: Int) -> Int32 {
        guard slot < intentOfSlot.count, case let j = intentOfSlot[slot], j >= 0 else { return -1 }
        return maps[j][Int(cells[j])]
    }

    /// Per point, FNV-1a over the cell numbers of slots `0..<width`, paired with the index
    /// and sorted.
    private func sortedHashes(width: Int) -> [(hash: UInt64, index: Int)] {
        points.indices.map { p in
            let cells = points[p]
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for slot in 0..<width {
                h = (h ^ UInt64(UInt32(bitPattern: id(cells, slot)))) &* 0x0000_0100_0000_01b3
            }
            return (h, p)
        }.sorted { $0 < $1 }
    }

    /// True when point `p` here and point `q` of `other` use the same cells in every slot.
    private func same(_ p: Int, as q: Int, of other: ConfigurationKeys, width: Int) -> Bool {
        let mine = points[p], theirs = other.points[q]
        for slot in 0..<width where id(mine, slot) != other.id(theirs, slot) { return false }
        return true
    }

    /// The points of `a` whose configuration `b` lacks, and those of `b` that `a` lacks,
    /// each in index order.
    ///
    /// - Complexity: O(n log n + m log m) for n and m points, times the intents.
    static func unmatched(_ a: ConfigurationKeys, _ b: ConfigurationKeys) -> (onlyInA: [Int], onlyInB: [Int]) {
        let width = max(a.intentOfSlot.count, b.intentOfSlot.count)
        let (ha, hb) = inParallel({ a.sortedHashes(width: width) }, { b.sortedHashes(width: width) })
        var onlyInA: [Int] = [], onlyInB: [Int] = []
        var i = 0, j = 0
        while i < ha.count || j < hb.count {
            if j == hb.count || (i < ha.count && ha[i].hash < hb[j].hash) {
                onlyInA.append(ha[i].index)
                i += 1
            } else if i == ha.count || hb[j].hash < ha[i].hash {
                onlyInB.append(hb[j].index)
                j += 1
            } else {
                // One hash on both sides: check each point against the other side's group.
                let hash = ha[i].hash
                var iEnd = i, jEnd = j
                while iEnd < ha.count, ha[iEnd].hash == hash { iEnd += 1 }
                while jEnd < hb.count, hb[jEnd].hash == hash { jEnd += 1 }
                for x in i..<iEnd where !(j..<jEnd).contains(where: { a.same(ha[x].index, as: hb[$0].index, of: b, width: width) }) {
                    onlyInA.append(ha[x].index)
                }
                for y in j..<jEnd where !(i..<iEnd).contains(where: { b.same(hb[y].index, as: ha[$0].index, of: a, width: width) }) {
                    onlyInB.append(hb[y].index)
                }
                i = iEnd
                j = jEnd
            }
        }
        return (onlyInA.sorted(), onlyInB.sorted())
    }
}
