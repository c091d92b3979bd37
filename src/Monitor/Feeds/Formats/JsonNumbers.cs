namespace Monitor.Feeds.Formats;

/// <summary>Whether a JSON number as written and its decimal rendering are the same number: a decimal keeps 28 to 29
/// significant digits and rounds the rest away, which must not turn a fraction into a whole count.</summary>
internal static class JsonNumbers
{
    public static bool SameValue(string written, string rendered) =>
        Canonical(written) is { } a && Canonical(rendered) is { } b && a == b;

    /// <summary>Sign, significant digits and power of ten: "150.0" and "1.5e2" both give (+, "15", 1).</summary>
    private static (bool Negative, string Digits, long Exponent)? Canonical(string number)
    {
        var negative = number.StartsWith('-');
        var rest = negative ? number[1..] : number;
        long exponent = 0;
        var e = rest.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            if (!long.TryParse(rest[(e + 1)..], System.Globalization.NumberStyles.AllowLeadingSign,
                    System.Globalization.CultureInfo.InvariantCulture, out exponent)) return null;
            rest = rest[..e];
        }
        var point = rest.IndexOf('.');
        if (point >= 0)
        {
            exponent -= rest.Length - point - 1;
            rest = rest.Remove(point, 1);
        }
        var digits = rest.TrimStart('0');
        if (digits.Length == 0) return (false, "", 0);
        var trimmed = digits.TrimEnd('0');
        return (negative, trimmed, exponent + digits.Length - trimmed.Length);
    }
}
