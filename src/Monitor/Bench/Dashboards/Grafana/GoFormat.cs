using System.Globalization;

namespace Monitor.Bench.Dashboards.Grafana;

/// <summary>The few Go formatting rules Grafana's backend output depends on.</summary>
public static class GoFormat
{
    /// <summary>Go's <c>%v</c> for a float64 (strconv 'g', shortest): the shortest digits that round-trip, in exponent
    /// form when the decimal exponent is below -4 or at least 6, so '5m' prints 300 but '12d' prints 1.0368e+06.</summary>
    public static string Float(double value)
    {
        if (value == 0) return "0";
        var (negative, digits, exponent) = Decompose(value.ToString("R", CultureInfo.InvariantCulture));
        return exponent < -4 || exponent >= 6
            ? Exponent(negative, digits, exponent)
            : (negative ? "-" : "") + Plain(digits, exponent);
    }

    /// <summary>time.Time.Format(time.RFC3339Nano) for a UTC instant: fraction without trailing zeros, none when zero.</summary>
    public static string Rfc3339Nano(DateTimeOffset t)
    {
        var utc = t.UtcDateTime;
        var text = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        var ticks = utc.Ticks % TimeSpan.TicksPerSecond;
        if (ticks != 0) text += "." + (ticks * 100).ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        return text + "Z";
    }

    /// <summary>time.Time.Unix(): whole seconds, rounded down (also before 1970).</summary>
    public static long Unix(DateTimeOffset t) => (long)Math.Floor((t.UtcDateTime - DateTime.UnixEpoch).Ticks / (double)TimeSpan.TicksPerSecond);

    public static long UnixNano(DateTimeOffset t) => (t.UtcDateTime - DateTime.UnixEpoch).Ticks * 100;

    private static (bool Negative, string Digits, int Exponent) Decompose(string r)
    {
        var negative = r.StartsWith('-');
        if (negative) r = r[1..];
        var exp = 0;
        var e = r.IndexOfAny(['E', 'e']);
        if (e >= 0) { exp = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture); r = r[..e]; }
        var dot = r.IndexOf('.');
        var intPart = dot < 0 ? r : r[..dot];
        var frac = dot < 0 ? "" : r[(dot + 1)..];
        var all = (intPart + frac).TrimStart('0');
        var leadingZeros = (intPart + frac).Length - all.Length;
        var exponent = intPart.Length - 1 - leadingZeros + exp;
        return (negative, all.TrimEnd('0') is { Length: > 0 } d ? d : "0", exponent);
    }

    private static string Exponent(bool negative, string digits, int exponent)
    {
        var mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits[1..];
        var sign = exponent < 0 ? "-" : "+";
        return (negative ? "-" : "") + mantissa + "e" + sign + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }

    private static string Plain(string digits, int exponent)
    {
        if (exponent < 0) return "0." + new string('0', -exponent - 1) + digits;
        if (digits.Length <= exponent + 1) return digits + new string('0', exponent + 1 - digits.Length);
        return digits[..(exponent + 1)] + "." + digits[(exponent + 1)..];
    }
}
