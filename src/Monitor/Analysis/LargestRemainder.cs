namespace Monitor.Analysis;

/// <summary>Divides a whole number over weights so that the parts add up exactly (Hamilton's method): everyone gets
/// the floor of their exact quota, and the units left over go to the largest remainders. Exact: quotas are kept
/// as numerator/denominator in decimal, never rounded. Ties: larger weight first, then input order.</summary>
public static class LargestRemainder
{
    public static int[] Allocate(int total, IReadOnlyList<decimal> weights)
    {
        if (total < 0) throw new ArgumentOutOfRangeException(nameof(total));
        if (weights.Any(w => w < 0)) throw new ArgumentOutOfRangeException(nameof(weights), "Weights must be ≥ 0.");
        var parts = new int[weights.Count];
        var sum = weights.Sum();
        if (total == 0 || sum == 0) return parts;

        var remainders = new decimal[weights.Count];
        long given = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var numerator = total * weights[i];             // quota_i = numerator / sum
            var q = decimal.Floor(numerator / sum);
            while (q * sum > numerator) q--;                // guard the division's last digit
            while ((q + 1) * sum <= numerator) q++;
            parts[i] = (int)q;
            remainders[i] = numerator - q * sum;
            given += parts[i];
        }
        var order = Enumerable.Range(0, weights.Count)
            .OrderByDescending(i => remainders[i]).ThenByDescending(i => weights[i]).ThenBy(i => i);
        foreach (var i in order.Take((int)(total - given))) parts[i]++;
        return parts;
    }
}
