import ParetoRoute

/// `paretoroute pick FRONT.json`: choose a point by budget, quality floor or knee.
enum PickCommand {
    static let help = """
        usage: paretoroute pick FRONT.json [--json] [--data DIR]
                                (--budget USD | --min-quality Q | --knee | --point N)
               paretoroute pick FRONT.json --budget USD --risk P --data DIR
                                [--scenario S] [--month M] [--json]

        Chooses one point of a front and prints its cost, quality and per-intent settings.
          --budget USD      the highest-quality point costing at most USD a month
          --min-quality Q   the cheapest point of weighted quality at least Q
          --knee            the knee of the front (best trade-off, see docs/front-file.md)
          --point N         point #N, numbered from 1 as every output numbers points
          --json            print JSON: the configuration (ready for check or deployment) with
                            found, point, feasible and failures; when nothing fits,
                            {"found": false, "reason", "nearest"} (exit 1)
          --data DIR        judge feasibility on this data (under the front's what-if and
                            confidence); warn when its fingerprint differs from the front's
        A point that breaks a floor or cap (a front made under a baseline keeps unchanged
        intents as they are) is marked NOT feasible with the failing intents.
        \(riskHelp)Exits 1 when nothing meets the request, naming the nearest point.

        """

    static func run(_ arguments: [String], console: Console) throws -> Int32 {
        if CommandLineTool.helpRequested(arguments, help: help, console: console) { return ExitStatus.ok }
        let args = try Arguments(arguments, options: [
            .init(name: "budget", takesValue: true), .init(name: "min-quality", takesValue: true),
            .init(name: "knee", takesValue: false), .init(name: "point", takesValue: true),
            .init(name: "json", takesValue: false), .init(name: "data", takesValue: true),
        ] + riskOptions, command: "pick")
        try args.requirePositionals(1, command: "pick", names: "one FRONT.json")
        if args.value("risk") != nil { return try runRisk(args, path: args.positionals[0], console: console) }
        if let option = riskOptions.first(where: { args.value($0.name) != nil }) {
            throw UsageError("pick: --\(option.name) goes with --risk")
        }
        var requests: [FrontPicker.Request] = []
        if let budget = try args.double("budget", command: "pick", minimum: 0) { requests.append(.budget(budget)) }
        if let floor = try args.double("min-quality", command: "pick", minimum: 0) { requests.append(.minQuality(floor)) }
        if args.flag("knee") { requests.append(.knee) }
        if let number = try args.int("point", command: "pick", minimum: 1) { requests.append(.point(number)) }
        guard requests.count == 1, let request = requests.first else {
            throw UsageError("pick: give exactly one of --budget, --min-quality, --knee, --point N")
        }
        let path = args.positionals[0]
        // With --data the point is judged on the data under the front's own assumptions;
        // without, by the front's record of each cell's floor and cap.
        let front: Front
        var table: CellTable?
        if let data = args.value("data") {
            let loaded = try FrontWithData.load(frontPath: path, dataDirectory: data)
            front = loaded.front
            if loaded.isFromOtherData {
                console.note("warning: \(path) was made from data \(front.dataFingerprint), but \(data) is \(loaded.dataFingerprint); rerun optimize to refresh the front\n")
            }
            table = loaded.table
        } else {
            front = try Front.load(path: path)
        }
        if case .point(let number) = request { _ = try front.pointIndex(number: number) }
        func judged(_ index: Int) throws -> PickedPoint {
            guard let table else { return PickedPoint(front: front, index: index) }
            return try PickedPoint(front: front, index: index, table: table, constraints: front.settings.constraints, file: path)
        }
        let json = args.flag("json")
        switch FrontPicker.pick(request, from: front) {
        case .none:
            throw DataError(file: path, field: "points", "the front has no points")
        case .unmet(let nearest, let reason)?:
            let picked = try judged(nearest)
            console.note("pick: \(reason)\n")
            if json {
                console.out(PickedPoint.unmetJSON(reason: reason, nearest: picked).serialized())
            } else {
                console.text(FrontText.describe(front.points[nearest], title: "nearest point (#\(nearest + 1))", width: console.width) + "\n"
                             + (picked.verdict.map { $0 + "\n" } ?? ""))
            }
            return ExitStatus.noAnswer
        case .found(let index)?:
            let picked = try judged(index)
            if json {
                console.out(picked.json.serialized())
            } else {
                console.text(FrontText.describe(front.points[index], title: "point #\(index + 1) of \(front.points.count)", width: console.width) + "\n"
                             + (picked.verdict.map { $0 + "\n" } ?? ""))
            }
            if let verdict = picked.verdict { console.note("pick: the chosen point is \(verdict)\n") }
            return ExitStatus.ok
        }
    }
}
