namespace Monitor.Tests.Corpus;

/// <summary>The memory bound is only shown if the probe sees memory that is really used.</summary>
[Collection(nameof(MemoryMeasured))]
public sealed class MemoryProbeTests
{
    [Fact]
    public async Task Measure_ActionHolding200MB_ReportsThemInWorkingSetAndHeap()
    {
        var growth = await MemoryProbe.MeasureAsync(async () =>
        {
            var held = new byte[200 << 20];
            Array.Fill(held, (byte)1); // touched, so resident
            await Task.Delay(50);
            GC.KeepAlive(held);
        });

        Assert.True(growth.WorkingSetGrowth >= 180L << 20, growth.ToString());
        Assert.True(growth.ManagedHeapGrowth >= 180L << 20, growth.ToString());
    }
}
