namespace Monitor.Bench;

/// <summary>
/// Expands a Grafana panel's raw SQL as Grafana would for a time range and dashboard variables ($__timeFilter,
/// $__timeFrom(), ${provincie}, ...), into SQL that PostgreSQL can run.
/// </summary>
public delegate string PanelSqlExpander(string rawSql, DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<string, string> variables);

/// <summary>Renders one provincie's digest with its charts (as the weekly job would, without sending it).</summary>
public delegate Task DigestRenderer(string provinciecode);

/// <summary>
/// The seams through which the bench measures work that lives in other parts of the Monitor. Each is null until the
/// integrator wires it in <see cref="Cli.BenchVerb"/>; a figure whose seam is null is reported as not measured, with
/// the reason, never estimated.
/// </summary>
/// <param name="ExpandPanelSql">The dashboards' Grafana SQL expander (GrafanaSqlExpander, to be moved to src/Monitor/Dashboards/).</param>
/// <param name="PanelRole">The read-only role Grafana uses; panel queries run after SET ROLE to it. Null: the bench's own user.</param>
/// <param name="Digests">Given the bench's services and its "today", a renderer of one provincie's digest (DigestRunner.PreviewAsync into a temp folder).</param>
public sealed record BenchHooks(
    PanelSqlExpander? ExpandPanelSql = null,
    string? PanelRole = null,
    Func<IServiceProvider, DateOnly, string, DigestRenderer>? Digests = null)
{
    public static BenchHooks None { get; } = new();
}
