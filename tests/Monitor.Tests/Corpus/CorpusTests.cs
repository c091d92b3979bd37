using Xunit.Abstractions;

namespace Monitor.Tests.Corpus;

/// <summary>
/// Every small file of the bad-input corpus against a warehouse holding reference data and figures of every kind: a bad
/// file is rejected with a message that names file, line and column and says what to fix, and changes no figure; an
/// odd but valid file is loaded. The big files are in <see cref="CorpusBigCasesTests"/>.
/// </summary>
public sealed class CorpusTests(CorpusWarehouse warehouse, ITestOutputHelper output) : IClassFixture<CorpusWarehouse>, IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("monitor-corpus-").FullName;

    [Theory]
    [MemberData(nameof(CorpusCases.Small), MemberType = typeof(CorpusCases))]
    public async Task Delivery_IsRejectedWithWhatToFixAndChangesNothing_OrAcceptedWhenValid(string name)
    {
        var run = new CorpusRun(warehouse.Db, _temp);
        var c = CorpusCases.Get(name);
        output.WriteLine(await run.CheckAsync(c, run.Prepare(c)));
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}
