using System.Text.RegularExpressions;

namespace Monitor.Cli;

/// <summary>
/// The command-line framework's own words in Dutch. System.CommandLine ships no Dutch resources, so its help and parse
/// errors are translated on the way out, phrase by phrase; anything not in the table passes unchanged rather than being
/// lost. The patterns follow the English resource strings of System.CommandLine 2.0.
/// </summary>
public static partial class CliText
{
    private static readonly (Regex Pattern, string Dutch)[] Errors =
    [
        (new(@"^Required command was not provided\.$"), "Kies een opdracht (zie hieronder)."),
        (new(@"^Option '(.+)' is required\.$"), "Optie $1 is verplicht."),
        (new(@"^Required argument missing for option: '(.+)'\.$"), "Optie $1 heeft een waarde nodig."),
        (new(@"^Required argument missing for command: '(.+)'\.$"), "Opdracht '$1' mist een argument."),
        (new(@"^Unrecognized command or argument '(.+)'\.$"), "Onbekende opdracht of optie '$1'."),
        (new(@"^Option '(.+)' expects a single argument but (\d+) were provided\.$"), "Optie $1 verwacht één waarde, maar kreeg er $2."),
        (new(@"^Argument '(.*)' not recognized\. Must be one of:(.*)$", RegexOptions.Singleline), "Waarde '$1' is niet toegestaan. Kies uit:$2"),
        (new(@"^'(.+)' was not matched\. Did you mean one of the following\?(.*)$", RegexOptions.Singleline), "'$1' bestaat niet. Bedoel je een van deze?$2"),
        (new(@"^(.+) option cannot be combined with other arguments\.$"), "Optie $1 gaat niet samen met andere argumenten."),
        (new(@"^File does not exist: '(.+)'\.$"), "Bestand bestaat niet: '$1'."),
        (new(@"^Directory does not exist: '(.+)'\.$"), "Map bestaat niet: '$1'."),
        (new(@"^File or directory does not exist: '(.+)'\.$"), "Bestand of map bestaat niet: '$1'."),
        (new(@"^Response file not found '(.+)'\.$"), "Antwoordbestand niet gevonden: '$1'."),
    ];

    // "Cannot parse argument 'x' for option '--n' as expected type 'System.Int32'." and its variants.
    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*?)'(?: for (?<what>option|command) '(?<name>.+)')? as expected type '(?<type>.+?)'\.(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    /// <summary>One parse error in Dutch.</summary>
    public static string Error(string message)
    {
        var m = CannotParse().Match(message);
        if (m.Success)
        {
            var target = m.Groups["name"].Success ? (m.Groups["what"].Value == "option" ? $"optie {m.Groups["name"].Value}" : $"opdracht '{m.Groups["name"].Value}'") : "dit argument";
            var rest = m.Groups["rest"].Value.Replace("Did you mean one of the following?", "Bedoel je een van deze?");
            return $"'{m.Groups["value"].Value}' is geen geldige waarde voor {target}: verwacht {TypeName(m.Groups["type"].Value)}.{rest}";
        }
        foreach (var (pattern, dutch) in Errors)
            if (pattern.IsMatch(message)) return pattern.Replace(message, dutch);
        return message;
    }

    private static string TypeName(string clrType) => clrType.TrimEnd('?') switch
    {
        "System.Int32" or "System.Int64" or "System.Int16" or "System.Nullable`1[System.Int32]" or "System.Nullable`1[System.Int64]" => "een geheel getal",
        "System.Decimal" or "System.Double" or "System.Nullable`1[System.Decimal]" or "System.Nullable`1[System.Double]" => "een getal (decimale punt of komma)",
        "System.Boolean" or "System.Nullable`1[System.Boolean]" => "true of false",
        "System.DateOnly" or "System.Nullable`1[System.DateOnly]" => "een datum (JJJJ-MM-DD)",
        _ => clrType,
    };

    private static readonly (string English, string Dutch)[] HelpPhrases =
    [
        ("Description:", "Beschrijving:"),
        ("Usage:", "Gebruik:"),
        ("Additional Arguments:", "Extra argumenten:"),
        ("Arguments:", "Argumenten:"),
        ("Options:", "Opties:"),
        ("Commands:", "Opdrachten:"),
        ("[options]", "[opties]"),
        ("[command]", "[opdracht]"),
        ("Show help and usage information", "Toont hulp en gebruik"),
        ("Show version information", "Toont de versie"),
        ("(REQUIRED)", "(vereist) "),
        ("[default: ", "[standaard: "),
    ];

    /// <summary>The framework's help text (or anything it printed) in Dutch, line by line.</summary>
    public static string Help(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            foreach (var (english, dutch) in HelpPhrases) line = line.Replace(english, dutch, StringComparison.Ordinal);
            // Parse errors are printed on their own lines before the help; translate those too.
            var trimmed = line.TrimEnd('\r');
            var translated = Error(trimmed);
            lines[i] = ReferenceEquals(translated, trimmed) || translated == trimmed ? line : translated + (line.EndsWith('\r') ? "\r" : "");
        }
        return string.Join('\n', lines);
    }
}
