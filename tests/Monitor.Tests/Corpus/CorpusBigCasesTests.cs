using Xunit.Abstractions;

namespace Monitor.Tests.Corpus;

/// <summary>Runs alone: nothing else in the process may allocate while memory is measured.</summary>
[CollectionDefinition(nameof(MemoryMeasured), DisableParallelization = true)]
public sealed class MemoryMeasured;

/// <summary>
/// The big corpus files (a line of megabytes, 10 MB rejected on its last line, zip bombs, files above the feed's size
/// limit): handled like the small ones, and the process stays within its memory bound while it reads them.
/// </summary>
[Collection(nameof(MemoryMeasured))]
public sealed class CorpusBigCasesTests(CorpusWarehouse warehouse, ITestOutputHelper output) : IClassFixture<CorpusWarehouse>, IDisposable
{
    /// <summary>Far below what a gigabyte-sized delivery would cost if it were held in memory, far above a streaming reader.</summary>
    private const long MemoryBound = 300L << 20;

    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-corpus-big-").FullName;

    [Theory]
    [MemberData(nameof(CorpusCases.BigOnes), MemberType = typeof(CorpusCases))]
    public async Task BigDelivery_IsHandledLikeASmallOne_WithinTheMemoryBound(string name)
    {
        var run = new CorpusRun(warehouse.Db, _temp);
        var c = CorpusCases.Get(name);
        var path = run.Prepare(c);
        MemoryGrowth growth = null!;

        var told = await run.CheckAsync(c, path, async load => growth = await MemoryProbe.MeasureAsync(load));

        output.WriteLine($"{told}\n{growth}");
        Assert.True(growth.WorkingSetGrowth < MemoryBound && growth.ManagedHeapGrowth < MemoryBound, $"{name}: {growth}");
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
