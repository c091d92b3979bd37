namespace Monitor.Samples;

/// <summary>
/// Largest-remainder rounding: divides a whole total over weights so the parts are whole numbers that add up to
/// exactly the total. Published opgaven add up (96.000 is 96.000), so the samples must too.
/// </summary>
public static class Apportion
{
    /// <param name="caps">Optional upper bound per part (e.g. a bijstelling may only go down).</param>
    public static int[] Divide(int total, IReadOnlyList<double> weights, IReadOnlyList<int>? caps = null)
    {
        var parts = new int[weights.Count];
        var sum = weights.Sum();
        if (sum <= 0 || total <= 0) return parts;
        var remainders = new double[weights.Count];
        var given = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var exact = total * weights[i] / sum;
            parts[i] = (int)Math.Floor(exact);
            if (caps is not null && parts[i] > caps[i]) parts[i] = caps[i];
            remainders[i] = exact - Math.Floor(exact);
            given += parts[i];
        }
        // Hand out what is left by largest remainder; ties go to the lower index so the order is stable.
        var order = Enumerable.Range(0, parts.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        while (given < total)
        {
            var progressed = false;
            foreach (var i in order)
            {
                if (given == total) break;
                if (caps is not null && parts[i] >= caps[i]) continue;
                parts[i]++;
                given++;
                progressed = true;
            }
            if (!progressed) throw new InvalidOperationException($"Kan {total} niet verdelen binnen de plafonds.");
        }
        return parts;
    }
}
