using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitor.Bench.Dashboards.Grafana;

/// <summary>A dashboard time range as Grafana sends it to the backend: two instants.</summary>
public sealed partial record TimeRange(DateTimeOffset From, DateTimeOffset To)
{
    [GeneratedRegex(@"^now(?:-(\d+)([smhdwMy]))?$")] private static partial Regex Relative();

    /// <summary>A dashboard "time" value: an ISO 8601 instant, "now" or "now-Nu" (s m h d w M y).</summary>
    public static DateTimeOffset ParseEdge(string text, DateTimeOffset now)
    {
        var m = Relative().Match(text);
        if (!m.Success)
            return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        if (!m.Groups[1].Success) return now;
        var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch
        {
            "s" => now.AddSeconds(-n), "m" => now.AddMinutes(-n), "h" => now.AddHours(-n), "d" => now.AddDays(-n),
            "w" => now.AddDays(-7 * n), "M" => now.AddMonths(-n), _ => now.AddYears(-n),
        };
    }

    public static TimeRange Parse(string from, string to, DateTimeOffset now) => new(ParseEdge(from, now), ParseEdge(to, now));
}
