namespace Monitor.Samples;

/// <summary>
/// A small seeded generator (SplitMix64). The sample world draws every property of an entity from its own stream,
/// keyed by (seed, purpose, entity), so adding a gemeente or a draw in one place never shifts figures elsewhere,
/// and the bytes do not depend on the .NET version's System.Random.
/// </summary>
public sealed class SampleRandom(ulong state)
{
    private ulong _state = state;

    /// <summary>A stream for one purpose and one entity, e.g. For(seed, "ses", "GM0363").</summary>
    public static SampleRandom For(int seed, string purpose, string key = "")
    {
        var h = 14695981039346656037UL; // FNV-1a 64: stable across runs and platforms, unlike string.GetHashCode
        foreach (var c in $"{seed}|{purpose}|{key}")
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        return new SampleRandom(h);
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [min, max).</summary>
    public double Range(double min, double max) => min + (max - min) * NextDouble();

    /// <summary>Uniform integer in [min, max).</summary>
    public int Next(int min, int max) => max <= min ? min : min + (int)(NextUInt64() % (ulong)(max - min));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];
}
