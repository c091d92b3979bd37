namespace Monitor.Bench.Dashboards.Grafana;

/// <summary>What a panel query needs besides its text: the variables, the time range and the interval.</summary>
public sealed record ExpansionContext(IReadOnlyDictionary<string, TemplateVariable> Variables, TimeRange Range, TimeSpan Interval,
    bool TimescaleDb = false);

/// <summary>
/// A panel's rawSql as PostgreSQL receives it from Grafana (notes/tech-research.md §1): the browser replaces the
/// template variables, then the backend strips comments, makes the global substitutions and expands the macros.
/// </summary>
public static class GrafanaSqlExpander
{
    public static string Expand(string rawSql, ExpansionContext context)
    {
        var interpolated = TemplateInterpolator.Interpolate(rawSql, context.Variables, context.Range);
        return PostgresMacros.Interpolate(interpolated, context.Range, context.Interval, context.TimescaleDb);
    }
}
