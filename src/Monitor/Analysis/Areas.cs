namespace Monitor.Analysis;

public enum AreaLevel { Gemeente, Provincie, Regio, Land }

/// <summary>An area of the series: a gemeente (GM…), a provincie (PV…), a user-defined regio, or the land ("NL").</summary>
public sealed record Area(AreaLevel Level, string Code)
{
    public const string LandCode = "NL";
    public static Area Land { get; } = new(AreaLevel.Land, LandCode);
}

public static class Areas
{
    /// <summary>Reads an area code; unknown codes are a configuration error.</summary>
    public static Area Resolve(AnalysisModel m, string code)
    {
        var geo = m.Geography;
        if (code == Area.LandCode) return Area.Land;
        if (geo.ByCode.ContainsKey(code)) return new(AreaLevel.Gemeente, code);
        if (geo.Provincies.ContainsKey(code)) return new(AreaLevel.Provincie, code);
        if (geo.Regios.ContainsKey(code)) return new(AreaLevel.Regio, code);
        throw new ArgumentException($"Onbekend gebied '{code}'.", nameof(code));
    }

    /// <summary>Every gemeente, provincie and regio, and the land.</summary>
    public static IReadOnlyList<Area> All(AnalysisModel m) =>
        m.Gemeenten.Select(g => new Area(AreaLevel.Gemeente, g.Code))
            .Concat(m.Geography.Provincies.Keys.Order(StringComparer.Ordinal).Select(p => new Area(AreaLevel.Provincie, p)))
            .Concat(m.Geography.Regios.Keys.Order(StringComparer.Ordinal).Select(r => new Area(AreaLevel.Regio, r)))
            .Append(Area.Land).ToList();

    /// <summary>The member gemeenten of an area (provincie from gemeente.provinciecode, regio from its members).</summary>
    public static IReadOnlyList<Gemeente> Members(AnalysisModel m, Area area) => area.Level switch
    {
        AreaLevel.Gemeente => [m.Geography.ByCode[area.Code]],
        AreaLevel.Provincie => m.Geography.MembersOf(area.Code),
        AreaLevel.Regio => m.Geography.Regios[area.Code],
        _ => m.Gemeenten,
    };
}
