namespace Monitor.Feeds.Formats;

/// <summary>
/// Picks ';' or ',' from the first lines of a CSV delivery. The delimiter under which some line within the title-row
/// window splits into all required columns wins; failing that, whichever occurs more often (outside quotes) in the
/// first non-empty line, so the missing-column message still shows sensible names.
/// </summary>
internal static class CsvDelimiter
{
    private static readonly char[] Candidates = [';', ','];

    public static char Detect(string sample, HeaderMatcher header)
    {
        string? first = null;
        foreach (var record in Records(sample).Where(r => r.Trim().Length > 0).Take(HeaderMatcher.MaxRowsSearched))
        {
            first ??= record;
            foreach (var candidate in Candidates)
                if (header.Required.Count > 0 && header.HoldsRequired(Split(record, candidate))) return candidate;
        }
        if (first is null) return ';';
        return CountOutsideQuotes(first, ';') > CountOutsideQuotes(first, ',') ? ';' : ',';
    }

    /// <summary>Records of the sample: line breaks inside quotes do not end one; an unclosed quote ends the sample.</summary>
    private static IEnumerable<string> Records(string text)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r')
            {
                yield return text[start..i];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                start = i + 1;
            }
        }
        if (!quoted && start < text.Length) yield return text[start..];
    }

    private static List<string> Split(string record, char delimiter)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in record)
        {
            if (c == '"') quoted = !quoted; // a doubled quote toggles twice: right for splitting, harmless for names
            else if (c == delimiter && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    private static int CountOutsideQuotes(string record, char delimiter)
    {
        var (count, quoted) = (0, false);
        foreach (var c in record)
            if (c == '"') quoted = !quoted;
            else if (c == delimiter && !quoted) count++;
        return count;
    }
}
