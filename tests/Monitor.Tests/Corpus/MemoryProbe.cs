using System.Diagnostics;

namespace Monitor.Tests.Corpus;

/// <summary>How far the process's memory rose above where it started while something ran.</summary>
/// <param name="WorkingSetGrowth">Resident memory (managed and native: Npgsql buffers, zlib, the XLSX reader) above the start.</param>
/// <param name="ManagedHeapGrowth">The managed heap, live objects and not yet collected garbage, above the start.</param>
public sealed record MemoryGrowth(long WorkingSetGrowth, long ManagedHeapGrowth)
{
    public override string ToString() =>
        $"werkgeheugen +{WorkingSetGrowth / (1 << 20)} MB, beheerde heap +{ManagedHeapGrowth / (1 << 20)} MB";
}

/// <summary>
/// Measures a peak, which no single reading gives: <see cref="Process.PeakWorkingSet64"/> is the peak since the process
/// started and cannot be reset, and <see cref="GC.GetTotalAllocatedBytes"/> counts everything ever allocated, which for
/// a streaming reader grows with the file however little it holds at once. So a background thread samples the
/// working set and the managed heap every few milliseconds (allocating hundreds of megabytes takes far longer than
/// that), and when the process-wide peak rose during the run, that new peak counts too, so a spike between samples is
/// not missed. The garbage collector runs to completion first, so the starting point is live memory only.
/// Only meaningful when nothing else runs in the process: use it in a collection that runs alone.
/// </summary>
public static class MemoryProbe
{
    public static async Task<MemoryGrowth> MeasureAsync(Func<Task> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var startWorkingSet = Environment.WorkingSet;
        var startHeap = GC.GetTotalMemory(forceFullCollection: false);
        var peakBefore = process.PeakWorkingSet64;
        long maxWorkingSet = startWorkingSet, maxHeap = startHeap;
        var running = true;
        var sampler = new Thread(() =>
        {
            while (Volatile.Read(ref running))
            {
                maxWorkingSet = Math.Max(maxWorkingSet, Environment.WorkingSet);
                maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(2);
            }
        }) { IsBackground = true, Name = "memory probe" };
        sampler.Start();
        try
        {
            await action();
        }
        finally
        {
            Volatile.Write(ref running, false);
            sampler.Join();
        }
        process.Refresh();
        if (process.PeakWorkingSet64 > peakBefore) maxWorkingSet = Math.Max(maxWorkingSet, process.PeakWorkingSet64);
        return new MemoryGrowth(maxWorkingSet - startWorkingSet, maxHeap - startHeap);
    }
}
