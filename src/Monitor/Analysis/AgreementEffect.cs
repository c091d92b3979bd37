namespace Monitor.Analysis;

/// <summary>Which agreements move how much on a date. An agreement is in force from its besluitdatum. Its span
/// selects periods: when it is written in the opgave's own period form (a cycle for asiel, half years for the
/// taakstelling) the applicable periode must lie inside the span — so a cycle agreement stays with its cycle when
/// that cycle is carried forward; otherwise (asiel places agreed per half year) the date must lie inside it.</summary>
internal static class AgreementEffect
{
    public static bool Applies(ValidAgreement a, Periode applicable, DateOnly date) =>
        a.Besluitdatum <= date && (a.From.Kind == applicable.Kind
            ? applicable.Within(a.From, a.To)
            : a.From.Start <= date && date <= a.To.End);

    /// <summary>Net amount moved to each gemeente (negative: moved away) for opgave o, and the codes involved.</summary>
    public static Dictionary<string, (int Net, List<string> Codes)> Net(
        IEnumerable<ValidAgreement> agreements, Opgave o, Periode applicable, DateOnly date)
    {
        var net = new Dictionary<string, (int Net, List<string> Codes)>(StringComparer.Ordinal);
        foreach (var a in agreements)
        {
            if (a.Opgave != o || !Applies(a, applicable, date)) continue;
            Add(net, a.Naar, a.Aantal, a.Afspraakcode);
            Add(net, a.Van, -a.Aantal, a.Afspraakcode);
        }
        return net;
    }

    private static void Add(Dictionary<string, (int Net, List<string> Codes)> net, string g, int amount, string code)
    {
        if (!net.TryGetValue(g, out var cur)) cur = (0, []);
        if (!cur.Codes.Contains(code)) cur.Codes.Add(code);
        net[g] = (cur.Net + amount, cur.Codes);
    }
}
