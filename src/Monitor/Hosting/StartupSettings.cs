using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Monitor.Scheduling;

namespace Monitor.Hosting;

/// <summary>
/// Binds and checks the settings every verb may start the service with (<c>Serve:*</c>, <c>Schedule:*</c>) before
/// anything else runs. The configuration binder would report a value it cannot convert in English without the value
/// (and a plain <c>int.TryParse</c> turned it into the default); here each raw value is tried first, so the message
/// names the key and the value in Dutch. Exit code: <see cref="ExitCodes.Failure"/>, as for every configuration error.
/// </summary>
public static class StartupSettings
{
    public static ServeOptions Serve(IConfiguration config) => Bind<ServeOptions>(config, ServeOptions.Section);

    public static ScheduleOptions Schedule(IConfiguration config) => Bind<ScheduleOptions>(config, ScheduleOptions.Section);

    /// <summary>Both sections at once, so one start lists every wrong setting rather than the first.</summary>
    public static void Check(IConfiguration config)
    {
        // Nothing set: the defaults, which are valid (StartupSettingsTests.Missing_GivesTheDefaults binds them through the
        // same checks). Skipping the binder and the validator here saves a short verb the reflection they cost (cli_gaps_ms).
        if (!config.GetSection(ServeOptions.Section).Exists() && !config.GetSection(ScheduleOptions.Section).Exists()) return;
        CheckSet(config);
    }

    // A method of its own, so a start without these settings does not load the binder, the validator and the type converters.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void CheckSet(IConfiguration config)
    {
        var problems = Problems<ServeOptions>(config, ServeOptions.Section).Concat(Problems<ScheduleOptions>(config, ScheduleOptions.Section)).ToList();
        if (problems.Count > 0) throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
    }

    public static T Bind<T>(IConfiguration config, string section) where T : class, new()
    {
        var problems = Problems<T>(config, section).ToList();
        if (problems.Count > 0) throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        return BindUnchecked<T>(config, section);
    }

    private static T BindUnchecked<T>(IConfiguration config, string section) where T : class, new()
    {
        var options = new T();
        config.GetSection(section).Bind(options);
        return options;
    }

    private static IEnumerable<string> Problems<T>(IConfiguration config, string section) where T : class, new()
    {
        var unconvertible = Unconvertible(typeof(T), config, section).ToList();
        if (unconvertible.Count > 0) return unconvertible;
        var options = BindUnchecked<T>(config, section);
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? $"Instelling {section}:{string.Join(", ", r.MemberNames)} is ongeldig.");
    }

    /// <summary>Every scalar property whose raw value does not convert to its type, as a Dutch sentence.</summary>
    private static IEnumerable<string> Unconvertible(Type type, IConfiguration config, string section)
    {
        foreach (var property in type.GetProperties().Where(p => p.CanWrite))
        {
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (target == typeof(string) || Expected(target) is not { } expected) continue;
            var key = $"{section}:{property.Name}";
            var raw = config[key];
            if (string.IsNullOrWhiteSpace(raw)) continue;
            bool converts;
            try { converts = TypeDescriptor.GetConverter(target).ConvertFromInvariantString(raw) is not null; }
            catch (Exception e) when (e is FormatException or ArgumentException or NotSupportedException or OverflowException
                                          || e.InnerException is FormatException or OverflowException) { converts = false; }
            if (!converts) yield return $"Instelling {key} = '{raw}' is {expected}.";
        }
    }

    private static string? Expected(Type t) =>
        t == typeof(int) || t == typeof(long) ? "geen geheel getal; schrijf bijvoorbeeld 2"
        : t == typeof(double) || t == typeof(decimal) ? "geen getal; schrijf bijvoorbeeld 0.5 (met een punt)"
        : t == typeof(bool) ? "geen true of false"
        : t == typeof(TimeSpan) ? "geen tijdsduur; schrijf bijvoorbeeld 00:05:00"
        : t.IsEnum ? $"geen van {string.Join(", ", Enum.GetNames(t))}"
        : null;
}
