using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitor.Bench.Dashboards.Grafana;

public sealed class GrafanaMacroException(string message) : Exception(message);

/// <summary>
/// The backend step, as pkg/tsdb/grafana-postgresql-datasource does it: comments stripped, then the global
/// substitutions of sqleng.Interpolate ($__interval_ms before $__interval, $__unixEpochFrom(), $__unixEpochTo()),
/// then the macro regex <c>\$([_a-zA-Z0-9]+)\(([^\)]*)\)</c> with each macro's exact expansion. An argument list is
/// split on ',' and cannot contain ')'; any other $name(...) is "unknown macro".
/// </summary>
public static partial class PostgresMacros
{
    [GeneratedRegex(@"\$([_a-zA-Z0-9]+)\(([^\)]*)\)")] private static partial Regex Macro();

    public static string Interpolate(string sql, TimeRange range, TimeSpan interval, bool timescaleDb = false)
    {
        sql = SqlComments.Strip(sql);
        sql = sql.Replace("$__interval_ms", ((long)interval.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                 .Replace("$__interval", GrafanaInterval.Format(interval), StringComparison.Ordinal)
                 .Replace("$__unixEpochFrom()", GoFormat.Unix(range.From).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                 .Replace("$__unixEpochTo()", GoFormat.Unix(range.To).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var original = sql;
        return Macro().Replace(sql, m =>
        {
            var name = m.Groups[1].Value;
            // Before Grafana 5.3 $__timeGroup added AS "time" itself: a ',' right after the (first identical) call
            // still means the old use. Inside a window's ORDER BY it is followed by ')' instead.
            if (name == "__timeGroup")
            {
                var at = original.IndexOf(m.Value, StringComparison.Ordinal);
                if (at >= 0 && at + m.Value.Length < original.Length && original[at + m.Value.Length] == ',') name = "__timeGroupAlias";
            }
            var args = m.Groups[2].Value.Split(',').Select(a => a.Trim(' ')).ToArray();
            return Evaluate(name, args, range, timescaleDb);
        });
    }

    private static string Evaluate(string name, string[] args, TimeRange range, bool timescaleDb)
    {
        string From() => GoFormat.Rfc3339Nano(range.From);
        string To() => GoFormat.Rfc3339Nano(range.To);
        string Column() => args.Length > 0 ? args[0] : throw new GrafanaMacroException($"missing time column argument for macro {name}");
        switch (name)
        {
            case "__time": return $"{Column()} AS \"time\"";
            case "__timeEpoch": return $"extract(epoch from {Column()}) as \"time\"";
            case "__timeFilter": return $"{Column()} BETWEEN '{From()}' AND '{To()}'";
            case "__timeFrom": return $"'{From()}'";
            case "__timeTo": return $"'{To()}'";
            case "__timeGroup":
            {
                var seconds = GroupInterval(name, args);
                return timescaleDb
                    ? $"time_bucket('{seconds.ToString("0.000", CultureInfo.InvariantCulture)}s',{args[0]})"
                    : $"floor(extract(epoch from {args[0]})/{GoFormat.Float(seconds)})*{GoFormat.Float(seconds)}";
            }
            case "__timeGroupAlias": return Evaluate("__timeGroup", args, range, timescaleDb) + " AS \"time\"";
            case "__unixEpochFilter":
                return $"{Column()} >= {GoFormat.Unix(range.From)} AND {args[0]} <= {GoFormat.Unix(range.To)}";
            case "__unixEpochNanoFilter":
                return $"{Column()} >= {GoFormat.UnixNano(range.From)} AND {args[0]} <= {GoFormat.UnixNano(range.To)}";
            case "__unixEpochNanoFrom": return GoFormat.UnixNano(range.From).ToString(CultureInfo.InvariantCulture);
            case "__unixEpochNanoTo": return GoFormat.UnixNano(range.To).ToString(CultureInfo.InvariantCulture);
            case "__unixEpochGroup":
            {
                var seconds = GroupInterval(name, args);
                return $"floor(({args[0]})/{GoFormat.Float(seconds)})*{GoFormat.Float(seconds)}";
            }
            case "__unixEpochGroupAlias": return Evaluate("__unixEpochGroup", args, range, timescaleDb) + " AS \"time\"";
            default: throw new GrafanaMacroException($"unknown macro \"{name}\"");
        }
    }

    /// <summary>The interval argument (quotes trimmed, gtime.ParseInterval) in seconds; a third argument is the fill
    /// mode, which changes only the resampling after the query, but must be valid.</summary>
    private static double GroupInterval(string name, string[] args)
    {
        if (args.Length < 2) throw new GrafanaMacroException($"macro {name} needs time column and interval and optional fill value");
        TimeSpan interval;
        try { interval = GrafanaInterval.Parse(args[1].Trim('\'')); }
        catch (FormatException) { throw new GrafanaMacroException($"error parsing interval {args[1]}"); }
        if (args.Length == 3 && args[2] is not ("NULL" or "previous")
            && !double.TryParse(args[2], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw new GrafanaMacroException($"error parsing fill value {args[2]}");
        return GrafanaInterval.Seconds(interval);
    }
}
