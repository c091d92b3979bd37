namespace Monitor.Warehouse;

/// <summary>
/// A decimal as PostgreSQL's numeric send format counts it: base-10000 digit groups, most significant first, the
/// weight (power of 10000) of the first group, the sign, and the display scale. Trailing zero groups are left out,
/// as PostgreSQL does; the scale keeps "1.50" from reading back as "1.5".
/// </summary>
public static class NumericDigits
{
    /// <summary>Enough groups for any decimal: 29 significant digits, padded to whole groups on both sides.</summary>
    public const int MaxGroups = 10;

    public readonly record struct Numeric(int Count, short Weight, bool Negative, short Scale);

    public static Numeric Of(decimal value, Span<short> digits)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = value.Scale;
        var n = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        // The groups are aligned on the decimal point: pad the fraction to a whole number of four-digit groups.
        var pad = (4 - scale % 4) % 4;
        for (var i = 0; i < pad; i++) n *= 10;
        var fractionGroups = (scale + pad) / 4;

        Span<short> leastFirst = stackalloc short[MaxGroups];
        var groups = 0;
        for (; n != 0; n /= 10000) leastFirst[groups++] = (short)(ushort)(n % 10000);
        if (groups == 0) return new Numeric(0, 0, false, (short)scale);

        var skip = 0;
        while (leastFirst[skip] == 0) skip++;
        var count = groups - skip;
        for (var i = 0; i < count; i++) digits[i] = leastFirst[groups - 1 - i];
        return new Numeric(count, (short)(groups - 1 - fractionGroups), value < 0, (short)scale);
    }
}
