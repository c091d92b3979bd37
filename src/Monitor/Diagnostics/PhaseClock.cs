using System.Diagnostics;

namespace Monitor.Diagnostics;

/// <summary>Where the time of one job went, phase by phase: for the benchmark's evidence and for logs.</summary>
public sealed class PhaseClock
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(string Name, TimeSpan Took)> _phases = [];

    public IReadOnlyList<(string Name, TimeSpan Took)> All => _phases;

    /// <summary>Ends the current phase under this name and starts the next.</summary>
    public void Done(string name)
    {
        _phases.Add((name, _clock.Elapsed));
        _clock.Restart();
    }

    public override string ToString() => string.Join(", ", _phases.Select(p => $"{p.Name} {p.Took.TotalSeconds:0.00} s"));
}
