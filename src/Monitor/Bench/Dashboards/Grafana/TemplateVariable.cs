namespace Monitor.Bench.Dashboards.Grafana;

public sealed record VariableOption(string Text, string Value);

/// <summary>A dashboard variable with its options and what is selected: the input of the frontend interpolation.</summary>
/// <param name="AllValue">The custom "All" value; null means All stands for the list of every option's value.</param>
public sealed record TemplateVariable(string Name, bool Multi, bool IncludeAll, string? AllValue,
    IReadOnlyList<VariableOption> Options, IReadOnlyList<string> Selected, bool AllSelected)
{
    public static TemplateVariable Single(string name, string value) => new(name, false, false, null, [new(value, value)], [value], false);

    public static TemplateVariable MultiOf(string name, params string[] selected) =>
        new(name, true, false, null, selected.Select(v => new VariableOption(v, v)).ToList(), selected, false);

    /// <summary>The value Grafana passes to the datasource: a string for a single selection, a list for a multi
    /// selection or for All (every option's value), or the custom all value.</summary>
    public object Value
    {
        get
        {
            if (AllSelected) return AllValue is null ? Options.Select(o => o.Value).ToList() : new CustomAll(AllValue);
            return Multi ? Selected.ToList() : Selected.FirstOrDefault() ?? "";
        }
    }

    public string Text => AllSelected ? "All"
        : string.Join(" + ", Selected.Select(v => Options.FirstOrDefault(o => o.Value == v)?.Text ?? v));

    public sealed record CustomAll(string Raw);
}
