namespace Monitor.Bench;

/// <summary>
/// Every query one dashboard sends to PostgreSQL for a time range, expanded as Grafana would: its variables resolved
/// against the warehouse on <paramref name="readOnly"/> (a query variable runs its own query), then each panel target and
/// annotation interpolated ($__timeFilter, ${provincie}, multi-value and All selections, $__interval from the panel).
/// Returns (where, sql) pairs; the bench times running each sql on the same connection.
/// </summary>
/// <remarks>Dashboard-level rather than one raw SQL string at a time, because a faithful expansion needs what only the
/// dashboard has: variable options from their queries, multi/All semantics, and each panel's interval settings.</remarks>
public delegate Task<IReadOnlyList<(string Where, string Sql)>> DashboardExpander(
    Npgsql.NpgsqlConnection readOnly, string dashboardJsonPath, DateTimeOffset from, DateTimeOffset to);

/// <summary>Renders one provincie's digest with its charts (as the weekly job would, without sending it).</summary>
public delegate Task DigestRenderer(string provinciecode);

/// <summary>
/// The seams through which the bench measures work that lives in other parts of the Monitor, wired once (read-only) in
/// the bench verb. A figure whose seam is null is reported as not measured, with the reason, never estimated: tests
/// use that to check the bench without rendering digests.
/// </summary>
/// <param name="ExpandDashboard">The dashboards' Grafana expansion (Bench/Dashboards: GrafanaSqlExpander with
/// DashboardRunner's variable resolution).</param>
/// <param name="PanelRole">The read-only role Grafana uses; panel queries run after SET ROLE to it. Null: the bench's own user.</param>
/// <param name="Digests">Given the bench's services and its "today", a renderer of one provincie's digest (DigestRunner.PreviewAsync into a temp folder).</param>
public sealed record BenchHooks(
    DashboardExpander? ExpandDashboard = null,
    string? PanelRole = null,
    Func<IServiceProvider, DateOnly, string, DigestRenderer>? Digests = null)
{
    public static BenchHooks None { get; } = new();
}
