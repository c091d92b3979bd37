using Monitor.Analysis;

namespace Monitor.Tests.Analysis;

public sealed class LargestRemainderTests
{
    [Fact]
    public void Allocate_GivesLeftoverUnitsToLargestRemainders()
    {
        // quotas 3.5, 2.1, 1.4 → floors 3, 2, 1 (6); the 1 left goes to the .5
        Assert.Equal([4, 2, 1], LargestRemainder.Allocate(7, [0.5m, 0.3m, 0.2m]));
    }

    [Fact]
    public void Allocate_EqualRemainders_GoInInputOrder()
    {
        // quotas 3⅓ each: floors 9, one left, first in order wins
        Assert.Equal([4, 3, 3], LargestRemainder.Allocate(10, [1m, 1m, 1m]));
    }

    [Fact]
    public void Allocate_NothingToWeigh_GivesZeros()
    {
        Assert.Equal([0, 0], LargestRemainder.Allocate(5, [0m, 0m]));
        Assert.Equal([0, 0], LargestRemainder.Allocate(0, [1m, 2m]));
    }

    [Fact]
    public void Allocate_AnyWeights_SumsExactly_AndEachPartIsFloorOrCeilingOfItsQuota()
    {
        var random = new Random(20240131);
        for (var run = 0; run < 500; run++)
        {
            var weights = Enumerable.Range(0, random.Next(1, 30)).Select(_ => (decimal)random.Next(0, 100_000) / random.Next(1, 1000)).ToList();
            var total = random.Next(0, 20_000);
            var parts = LargestRemainder.Allocate(total, weights);
            var sum = weights.Sum();
            Assert.Equal(sum == 0 ? 0 : total, parts.Sum());
            for (var i = 0; i < parts.Length && sum > 0; i++)
            {
                var quota = total * weights[i] / sum;
                Assert.InRange(parts[i], (int)decimal.Floor(quota), (int)decimal.Ceiling(quota));
            }
        }
    }
}
