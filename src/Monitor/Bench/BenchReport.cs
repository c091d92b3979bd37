using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Bench;

/// <summary>How a figure is judged against its goal.</summary>
public enum GoalKind { AtMost, AtLeast, Equals }

/// <summary>
/// One measured figure: the median of its runs (or a single value), its unit, and its goal when the issue sets one.
/// A figure that could not be measured has Value null and says why in Note (never an invented number).
/// </summary>
public sealed record BenchFigure(string Name, string Description, double? Value, string Unit, IReadOnlyList<double> Runs,
    double? Goal = null, GoalKind? GoalKind = null, string? Note = null)
{
    public bool? Met => Value is not { } v || Goal is not { } g ? null : GoalKind switch
    {
        Bench.GoalKind.AtMost => v < g,
        Bench.GoalKind.AtLeast => v >= g,
        Bench.GoalKind.Equals => v == g,
        _ => null,
    };

    public static BenchFigure Median(string name, string description, IReadOnlyList<double> runs, string unit,
        double? goal = null, GoalKind? kind = null, string? note = null) =>
        new(name, description, runs.Count == 0 ? null : Stats.Median(runs), unit, runs, goal, kind, note);

    public static BenchFigure Missing(string name, string description, string unit, string why, double? goal = null, GoalKind? kind = null) =>
        new(name, description, null, unit, [], goal, kind, why);
}

/// <summary>Everything a bench run found: settings, the machine, and the figures in the order they were measured.</summary>
public sealed class BenchReport
{
    public required BenchSettings Settings { get; init; }
    public required BenchMachine Machine { get; init; }
    public List<BenchFigure> Figures { get; } = [];
    public Dictionary<string, double> Phases { get; } = new(StringComparer.Ordinal);
    public List<string> Notes { get; } = [];
    public DateTimeOffset Started { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? Finished { get; set; }
    public double? LoadAverageAtEnd { get; set; }

    public BenchFigure Add(BenchFigure figure)
    {
        Figures.Add(figure);
        return figure;
    }

    public BenchFigure? Figure(string name) => Figures.FirstOrDefault(f => f.Name == name);

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(new
    {
        settings = Settings, machine = Machine, started = Started, finished = Finished, load_average_at_end = LoadAverageAtEnd,
        figures = Figures.ToDictionary(f => f.Name, f => new
        {
            description = f.Description, value = f.Value is { } v ? Math.Round(v, 4) : (double?)null, unit = f.Unit,
            runs = f.Runs.Select(r => Math.Round(r, 4)).ToArray(), goal = f.Goal, goal_kind = f.GoalKind, met = f.Met, note = f.Note,
        }),
        phases_seconds = Phases.ToDictionary(p => p.Key, p => Math.Round(p.Value, 3)),
        notes = Notes,
    }, Json);
}

public sealed record BenchSettings(int Years, int Repeat, bool Quick, DateOnly From, DateOnly To, string Database);

public sealed record BenchMachine(int Cores, string Os, string Runtime, double? LoadAverageAtStart, long? MemoryMb)
{
    public static BenchMachine Current() => new(Environment.ProcessorCount, System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription, Stats.LoadAverage(), Stats.MemoryMb());
}

public static class Stats
{
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Nearest-rank percentile (p in 0..100).</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The 1-minute load average: on a shared 2-core machine, the honest context of every timing.</summary>
    public static double? LoadAverage()
    {
        try { return double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public static long? MemoryMb()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
        }
        catch (IOException) { return null; }
    }
}
