namespace Monitor.Analysis;

/// <summary>Gemeenten by code, and the members of every provincie, veiligheidsregio and regio (sorted by code,
/// which is also the deterministic tie-break order of every allocation).</summary>
internal sealed class Geography
{
    public Geography(IReadOnlyList<Gemeente> gemeenten, IReadOnlyList<Regio> regios, List<DataQualityFinding> findings)
    {
        Gemeenten = gemeenten.OrderBy(g => g.Code, StringComparer.Ordinal).ToList();
        ByCode = Gemeenten.ToDictionary(g => g.Code, StringComparer.Ordinal);
        Index = Gemeenten.Select((g, i) => (g.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.Ordinal);
        Provincies = Group(g => g.Provinciecode);
        Veiligheidsregios = Group(g => g.Veiligheidsregiocode);
        Regios = new Dictionary<string, IReadOnlyList<Gemeente>>(StringComparer.Ordinal);
        foreach (var r in regios)
        {
            foreach (var unknown in r.Members.Where(m => !ByCode.ContainsKey(m)))
                findings.Add(new(FindingKind.OnbekendGebied, null, null, unknown,
                    $"Regio {r.Code} noemt gemeente {unknown}, die niet in de gemeentelijst staat; niet meegeteld."));
            Regios[r.Code] = r.Members.Distinct().Where(ByCode.ContainsKey).Select(m => ByCode[m])
                .OrderBy(g => g.Code, StringComparer.Ordinal).ToList();
        }
    }

    public IReadOnlyList<Gemeente> Gemeenten { get; }
    public IReadOnlyDictionary<string, Gemeente> ByCode { get; }
    /// <summary>Position of a gemeente in <see cref="Gemeenten"/>: the key of the series' arrays.</summary>
    public IReadOnlyDictionary<string, int> Index { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<Gemeente>> Provincies { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<Gemeente>> Veiligheidsregios { get; }
    public Dictionary<string, IReadOnlyList<Gemeente>> Regios { get; }

    public IReadOnlyList<Gemeente> MembersOf(string provincieCode) =>
        Provincies.TryGetValue(provincieCode, out var m) ? m : [];

    private Dictionary<string, IReadOnlyList<Gemeente>> Group(Func<Gemeente, string> key) =>
        Gemeenten.GroupBy(key).ToDictionary(g => g.Key, g => (IReadOnlyList<Gemeente>)g.ToList(), StringComparer.Ordinal);
}
