using System.Globalization;
using System.Text.RegularExpressions;

namespace Monitor.Bench.Dashboards.Grafana;

/// <summary>
/// How Grafana arrives at $__interval: the frontend divides the time range by the panel's resolution (max data points)
/// and rounds it (grafana-data rangeutil.calculateInterval / roundInterval), never below the datasource's or panel's
/// minimum interval; the backend prints it with gtime.FormatInterval and parses macro intervals with
/// gtime.ParseInterval.
/// </summary>
public static partial class GrafanaInterval
{
    private static readonly (double Below, long Ms)[] Rounding =
    [
        (10, 1), (15, 10), (35, 20), (75, 50), (150, 100), (350, 200), (750, 500), (1500, 1000), (3500, 2000),
        (7500, 5000), (12500, 10000), (17500, 15000), (25000, 20000), (45000, 30000), (90000, 60000),
        (210000, 120000), (450000, 300000), (750000, 600000), (1050000, 900000), (1500000, 1200000),
        (2700000, 1800000), (5400000, 3600000), (9000000, 7200000), (16200000, 10800000), (32400000, 21600000),
        (86400000, 43200000), (604800000, 86400000), (1814400000, 604800000), (3628800000, 2592000000),
    ];

    public static long RoundInterval(double ms)
    {
        foreach (var (below, rounded) in Rounding)
            if (ms < below) return rounded;
        return 31536000000;
    }

    /// <summary>calculateInterval(range, resolution, lowLimit): the interval in milliseconds.</summary>
    public static long Calculate(TimeRange range, int resolution, string? lowLimit)
    {
        var ms = RoundInterval((range.To - range.From).TotalMilliseconds / resolution);
        var low = lowLimit is null ? 1 : IntervalToMs(lowLimit);
        return Math.Max(ms, low);
    }

    [GeneratedRegex(@"^(-?\d+(?:\.\d+)?)(ms|[Mwdhmsy])")] private static partial Regex Describe();

    /// <summary>rangeutil.intervalToMs: "1d" → 86400000 (M = 30 days, y = 365 days; the count is parsed as an integer).</summary>
    public static long IntervalToMs(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) && plain != 0) return (long)plain * 1000;
        var m = Describe().Match(text);
        if (!m.Success) throw new FormatException($"Invalid interval string, has to be either unit-less or end with one of the following units: \"y, M, w, d, h, m, s, ms\": {text}");
        var count = (long)double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var seconds = m.Groups[2].Value switch
        {
            "y" => 31536000d, "M" => 2592000d, "w" => 604800d, "d" => 86400d, "h" => 3600d, "m" => 60d, "s" => 1d, _ => 0.001,
        };
        return (long)(seconds * 1000 * count);
    }

    /// <summary>gtime.FormatInterval: the largest whole unit (y = 365 days), e.g. 1m, 2h, 1d.</summary>
    public static string Format(TimeSpan interval)
    {
        var ns = interval.Ticks * 100;
        const long ms = 1_000_000, s = 1000 * ms, min = 60 * s, h = 60 * min, d = 24 * h, y = 365 * d;
        if (ns >= y) return $"{ns / y}y";
        if (ns >= d) return $"{ns / d}d";
        if (ns >= h) return $"{ns / h}h";
        if (ns >= min) return $"{ns / min}m";
        if (ns >= s) return $"{ns / s}s";
        if (ns >= ms) return $"{ns / ms}ms";
        return "1ms";
    }

    [GeneratedRegex(@"^(\d+)([dwMy])$")] private static partial Regex DateUnit();

    /// <summary>gtime.ParseInterval: d, w, M and y are calendar steps from now (UTC); anything else is a Go duration.</summary>
    public static TimeSpan Parse(string text, DateTime? nowUtc = null)
    {
        var m = DateUnit().Match(text);
        if (!m.Success) return GoDuration(text);
        var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var now = nowUtc ?? DateTime.UtcNow;
        var then = m.Groups[2].Value switch
        {
            "d" => now.AddDays(n), "w" => now.AddDays(7 * n), "M" => now.AddMonths(n), _ => now.AddYears(n),
        };
        return then - now;
    }

    [GeneratedRegex(@"([0-9]*(?:\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)")] private static partial Regex DurationPart();

    /// <summary>Go's time.ParseDuration: a signed sequence of decimal numbers with units, e.g. "1h30m", "20ms", "0".</summary>
    public static TimeSpan GoDuration(string text)
    {
        var s = text;
        var sign = 1;
        if (s.StartsWith('-') || s.StartsWith('+')) { sign = s[0] == '-' ? -1 : 1; s = s[1..]; }
        if (s == "0") return TimeSpan.Zero;
        if (s.Length == 0) throw new FormatException($"time: invalid duration \"{text}\"");
        double nanos = 0;
        var at = 0;
        while (at < s.Length)
        {
            var m = DurationPart().Match(s, at);
            if (!m.Success || m.Index != at || m.Groups[1].Value is "" or ".") throw new FormatException($"time: invalid duration \"{text}\"");
            var value = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            nanos += value * m.Groups[2].Value switch
            {
                "ns" => 1d, "us" or "µs" or "μs" => 1e3, "ms" => 1e6, "s" => 1e9, "m" => 60e9, _ => 3600e9,
            };
            at += m.Length;
        }
        return TimeSpan.FromTicks((long)Math.Round(sign * nanos / 100));
    }

    /// <summary>time.Duration.Seconds(): whole seconds plus the nanosecond remainder, as a float64.</summary>
    public static double Seconds(TimeSpan d)
    {
        var ns = d.Ticks * 100;
        return ns / 1_000_000_000 + ns % 1_000_000_000 / 1e9;
    }
}
