namespace Monitor.Analysis;

/// <summary>Ordinary least squares y = a + b·x from the points' integer sums. Taking exact integer sums lets the
/// series (prefix sums) and the single-date rule (direct sums) produce bit-identical predictions.</summary>
public readonly record struct LeastSquares(long N, long SumX, long SumXX, long SumY, long SumXY)
{
    public LeastSquares Add(long x, long y) => new(N + 1, SumX + x, SumXX + x * x, SumY + y, SumXY + x * y);

    /// <summary>The fitted value at x; null with fewer than two distinct x.</summary>
    public double? Predict(long x)
    {
        var den = N * SumXX - SumX * SumX;
        if (N < 2 || den == 0) return null;
        var slope = (double)(N * SumXY - SumX * SumY) / den;
        return (SumY + slope * (N * x - SumX)) / N;
    }

    /// <summary>Rounded half away from zero, so ±x.5 never depends on the platform's banker's rounding.</summary>
    public static int Round(double v) => (int)Math.Round(v, MidpointRounding.AwayFromZero);
}
