using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Monitor.Bench.Dashboards.Grafana;

/// <summary>
/// The frontend step: template variables in rawSql are replaced before the query leaves the browser
/// (SqlDatasource.applyTemplateVariables → templateSrv.replace with the PostgreSQL interpolateVariable). Macros
/// such as $__timeFilter(...) and $__interval are not variables here and stay as they are for the backend.
/// </summary>
public static partial class TemplateInterpolator
{
    // scenes variables/constants.ts: $var | [[var:fmt]] | ${var.field:fmt}; JavaScript's \w is ASCII only.
    [GeneratedRegex(@"\$([A-Za-z0-9_]+)|\[\[([A-Za-z0-9_]+?)(?::([A-Za-z0-9_]+))?\]\]|\$\{([A-Za-z0-9_]+)(?:\.([^:^\}]+))?(?::([^\}]+))?\}")]
    private static partial Regex VariableSyntax();

    /// <summary>Variables names the frontend leaves for the backend, or for Grafana itself.</summary>
    public static readonly IReadOnlySet<string> Builtins = new HashSet<string>
    {
        "__from", "__to", "__interval", "__interval_ms", "__timeFilter", "__timeFrom", "__timeTo", "__timeGroup",
        "__timeGroupAlias", "__time", "__timeEpoch", "__unixEpochFilter", "__unixEpochNanoFilter", "__unixEpochFrom",
        "__unixEpochTo", "__unixEpochNanoFrom", "__unixEpochNanoTo", "__unixEpochGroup", "__unixEpochGroupAlias",
        "__data", "__value", "__field", "__series", "__url_time_range", "__all_variables", "__dashboard", "__org",
        "__user", "__timezone", "__name", "__all",
    };

    public static string Interpolate(string text, IReadOnlyDictionary<string, TemplateVariable> variables, TimeRange range) =>
        VariableSyntax().Replace(text, m =>
        {
            var name = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[4].Value;
            var format = m.Groups[3].Success ? m.Groups[3].Value : m.Groups[6].Success ? m.Groups[6].Value : null;
            if (m.Groups[5].Success) throw new NotSupportedException($"Variabele-veld {m.Value} wordt niet ondersteund.");
            if (name is "__from" or "__to") return TimeValue(name == "__from" ? range.From : range.To, format);
            if (!variables.TryGetValue(name, out var variable)) return m.Value; // not a variable: left alone, as Grafana does
            return format is null ? Default(variable) : Formatted(variable, format);
        });

    /// <summary>PostgreSQL interpolateVariable: a single value is quoted only for multi/includeAll variables (with '
    /// doubled either way); a list is quoted per value; a custom all value is inserted raw.</summary>
    private static string Default(TemplateVariable v) => v.Value switch
    {
        TemplateVariable.CustomAll all => all.Raw,
        List<string> list => string.Join(",", list.Select(QuoteLiteral)),
        string s when v.Multi || v.IncludeAll => QuoteLiteral(s),
        string s => s.Replace("'", "''"),
        var other => throw new InvalidOperationException($"Onverwachte waarde {other}"),
    };

    public static string QuoteLiteral(string value) => "'" + value.Replace("'", "''") + "'";

    /// <summary>scenes formatRegistry for the formats a SQL panel would use.</summary>
    private static string Formatted(TemplateVariable v, string format)
    {
        if (format == "text") return v.Text;
        if (v.Value is TemplateVariable.CustomAll all && format is not ("percentencode" or "queryparam")) return all.Raw;
        var values = v.Value as List<string> ?? [(string)v.Value];
        return format switch
        {
            "csv" => string.Join(",", values),
            "raw" => string.Join(",", values),
            "sqlstring" => string.Join(",", values.Select(s => "'" + s.Replace("'", "''").Replace("\"", "\\\"") + "'")),
            "singlequote" => string.Join(",", values.Select(s => "'" + s.Replace("'", "\\'") + "'")),
            "doublequote" => string.Join(",", values.Select(s => "\"" + s.Replace("\"", "\\\"") + "\"")),
            "pipe" => string.Join("|", values),
            "json" => JsonSerializer.Serialize(v.Value is List<string> ? values : (object)values[0]),
            _ => throw new NotSupportedException($"Formaat :{format} wordt niet ondersteund."),
        };
    }

    /// <summary>$__from / $__to: epoch milliseconds; :date and :date:iso give ISO 8601, :date:seconds epoch seconds.</summary>
    private static string TimeValue(DateTimeOffset t, string? format) => format switch
    {
        null => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        "date" or "date:iso" => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        "date:seconds" => t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        "date:ms" => t.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"Formaat :{format} voor tijd wordt niet ondersteund."),
    };

    /// <summary>Every variable name a text refers to (built-ins and macros excluded).</summary>
    public static IEnumerable<string> ReferencedVariables(string text) =>
        VariableSyntax().Matches(text)
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[4].Value)
            .Where(n => !Builtins.Contains(n))
            .Distinct();
}
