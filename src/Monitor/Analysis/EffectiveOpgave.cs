namespace Monitor.Analysis;

/// <summary>Rule 1: the effective opgave per gemeente and opgave on date t.
/// Figure in force: latest publicatiedatum ≤ t, ties to the later versie. Periode: see <see cref="FigureIndex.Applicable"/>.
/// Effective = figure + agreements in force (validated codes only). Provincial figures (PV) are the binding asiel
/// total but are never divided here: a gemeente without its own figure stays unknown.</summary>
public static class EffectiveOpgave
{
    public static OpgaveStand On(AnalysisModel m, DateOnly t)
    {
        var periods = new Dictionary<Opgave, Periode?>();
        var values = new Dictionary<(string, Opgave), OpgaveValue>();
        var pv = new Dictionary<(string, Opgave), FigureVersion>();
        var findings = new List<DataQualityFinding>();
        var problems = new List<AgreementProblem>();
        foreach (var o in AnalysisCodes.AllOpgaven)
        {
            var p = m.Figures.Applicable(o, t, m.Calendar.Rule(o).CarryForward);
            periods[o] = p;
            var basis = p is { } per ? BaseFigures(m, o, per, t, findings) : [];
            var net = p is { } ap ? NetWithoutOverdrafts(m, o, ap, t, basis, problems) : [];
            foreach (var g in m.Gemeenten)
            {
                basis.TryGetValue(g.Code, out var b);
                net.TryGetValue(g.Code, out var moved);
                int? effective = b.Version is null ? null : b.Aantal + moved.Net;
                values[(g.Code, o)] = new OpgaveValue(g.Code, o, p, b.Version is null ? OpgaveBron.Onbekend : b.Bron,
                    b.Version is null ? null : b.Aantal, b.Version, moved.Net, moved.Codes ?? [], effective);
                if (moved.Codes is null || (moved.Net == 0 && b.Version is not null)) continue;
                if (b.Version is null)
                    problems.Add(Problem(moved.Codes, AgreementProblemKind.OpgaveOnbekend, g.Code, o,
                        $"{g.Code} heeft geen eigen {o.Code()}-opgave op {t:yyyy-MM-dd}; de afspraak verschuift {moved.Net:+#;-#;0} zonder basis."));
                else if (effective < 0)
                    problems.Add(Problem(moved.Codes, AgreementProblemKind.NegatieveOpgave, g.Code, o,
                        $"{g.Code}: {o.Code()}-opgave {b.Aantal} met afspraken {moved.Net:+#;-#;0} wordt {effective} (negatief)."));
            }
            if (p is { } pp) ProvincialChecks(m, o, pp, t, basis, pv, findings);
        }
        return new OpgaveStand(t, periods, values, pv, findings, problems);
    }

    /// <summary>What the agreements move, leaving out every agreement that gives away from a gemeente more than its
    /// opgave (its effective opgave would fall below zero): such an agreement is never applied, and reported. Repeated,
    /// since leaving one out can leave another gemeente (that it fed) short.</summary>
    private static Dictionary<string, (int Net, List<string> Codes)> NetWithoutOverdrafts(AnalysisModel m, Opgave o, Periode p, DateOnly t,
        Dictionary<string, (FigureVersion? Version, int Aantal, OpgaveBron Bron)> basis, List<AgreementProblem> problems)
    {
        var left = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var net = AgreementEffect.Net(m.Agreements.Where(a => !left.Contains(a.Afspraakcode)), o, p, t);
            var found = false;
            foreach (var (g, moved) in net.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                if (!basis.TryGetValue(g, out var b) || b.Version is null || b.Aantal + moved.Net >= 0) continue;
                var giving = m.Agreements.Where(a => a.Opgave == o && a.Van == g && moved.Codes.Contains(a.Afspraakcode))
                    .Select(a => a.Afspraakcode).Distinct().Order(StringComparer.Ordinal).ToList();
                if (giving.Count == 0) continue;
                left.UnionWith(giving);
                found = true;
                problems.Add(new(string.Join(",", giving), AgreementProblemKind.NegatieveOpgave,
                    $"{g}: {o.Code()}-opgave {b.Aantal} met afspraken {moved.Net:+#;-#;0} zou {b.Aantal + moved.Net} worden (negatief); " +
                    "een afspraak mag niet meer verschuiven dan de gevende gemeente als opgave heeft.", Rejected: true, g, o));
            }
            if (!found) return net;
        }
    }

    /// <summary>The figure in force per gemeente before agreements. Oekraine comes from the veiligheidsregio key.</summary>
    internal static Dictionary<string, (FigureVersion? Version, int Aantal, OpgaveBron Bron)> BaseFigures(
        AnalysisModel m, Opgave o, Periode p, DateOnly t, List<DataQualityFinding> findings)
    {
        var result = new Dictionary<string, (FigureVersion?, int, OpgaveBron)>(StringComparer.Ordinal);
        foreach (var g in m.Gemeenten)
            if (m.Figures.InForce(o, p, g.Code, t) is { } v) result[g.Code] = (v, v.Aantal, OpgaveBron.Gemeente);
        if (o != Opgave.Oekraine) return result;

        foreach (var (vr, members) in m.Geography.Veiligheidsregios)
        {
            if (m.Figures.InForce(o, p, vr, t) is not { } regio) continue;
            var overrides = members.Where(g => result.ContainsKey(g.Code)).ToDictionary(g => g.Code, g => result[g.Code].Item2);
            var d = OekraineKey.Distribute(regio.Aantal, members, overrides, m.Options.OekraineWeightInwoners, m.Options.OekraineWeightOppervlakte);
            if (d.Overrun)
                findings.Add(new(FindingKind.SleutelOverschreden, o, p.ToString(), vr,
                    $"Oekraïne {p}: gemeentecijfers in {vr} ({overrides.Values.Sum()}) overschrijden het regiocijfer {regio.Aantal}."));
            foreach (var (code, n) in d.Parts)
                if (!overrides.ContainsKey(code)) result[code] = (regio, n, OpgaveBron.Sleutel);
        }
        return result;
    }

    private static void ProvincialChecks(AnalysisModel m, Opgave o, Periode p, DateOnly t,
        Dictionary<string, (FigureVersion? Version, int Aantal, OpgaveBron Bron)> basis,
        Dictionary<(string, Opgave), FigureVersion> pv, List<DataQualityFinding> findings)
    {
        foreach (var (code, members) in m.Geography.Provincies)
        {
            var provincial = m.Figures.InForce(o, p, code, t);
            if (provincial is not null) pv[(code, o)] = provincial;
            var known = members.Where(g => basis.ContainsKey(g.Code)).ToList();
            if (known.Count == 0) continue;           // PV only (or nothing): gemeenten simply unknown
            if (known.Count < members.Count)
                findings.Add(new(FindingKind.GemeentecijferOntbreekt, o, p.ToString(), code,
                    $"{o.Code()} {p}: {members.Count - known.Count} van de {members.Count} gemeenten in {code} hebben geen cijfer."));
            else if (provincial is not null && known.Sum(g => basis[g.Code].Aantal) is var sum && sum != provincial.Aantal)
                findings.Add(new(FindingKind.SomGemeentenWijktAfVanProvincie, o, p.ToString(), code,
                    $"{o.Code()} {p}: de gemeenten in {code} tellen op tot {sum}, het provinciale cijfer is {provincial.Aantal}."));
        }
    }

    private static AgreementProblem Problem(List<string> codes, AgreementProblemKind kind, string g, Opgave o, string message) =>
        new(string.Join(",", codes), kind, message, Rejected: false, g, o);
}
