namespace Monitor.Tests.Security;

/// <summary>One string literal in C# source: its text without holes, the expressions of its holes, and whether a
/// '+' joins it to something that is not another literal.</summary>
public sealed record StringLiteral(int Line, string Text, IReadOnlyList<string> Holes, bool JoinedToNonLiteral);

/// <summary>
/// Finds the string literals of a C# file: regular, verbatim (@"), interpolated ($", $@", $$"), and raw ("""),
/// skipping comments and char literals. Enough of a lexer to read SQL texts reliably; not a parser.
/// </summary>
public static class CSharpStrings
{
    public static IReadOnlyList<StringLiteral> Find(string source)
    {
        var found = new List<(int Start, int End, int Line, string Text, List<string> Holes)>();
        var i = 0;
        while (i < source.Length)
        {
            if (Try(source, ref i, out var literal)) found.Add(literal);
            else SkipNonString(source, ref i);
        }
        return found.Select((l, n) => new StringLiteral(l.Line, l.Text, l.Holes,
            JoinedToNonLiteral(source, found, n))).ToList();
    }

    // A '+' right before or after the literal, with something other than a literal on its far side.
    private static bool JoinedToNonLiteral(string s, List<(int Start, int End, int Line, string Text, List<string> Holes)> all, int n)
    {
        var after = Next(s, all[n].End);
        if (after < s.Length && s[after] == '+' && (after + 1 >= s.Length || s[after + 1] != '+'))
        {
            var operand = Next(s, after + 1);
            if (n + 1 >= all.Count || all[n + 1].Start != operand) return true;
        }
        var before = Previous(s, all[n].Start - 1);
        if (before >= 0 && s[before] == '+' && (before == 0 || s[before - 1] != '+'))
        {
            var operand = Previous(s, before - 1);
            if (n == 0 || all[n - 1].End - 1 != operand) return true;
        }
        return false;
    }

    private static int Next(string s, int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        return i;
    }

    private static int Previous(string s, int i)
    {
        while (i >= 0 && char.IsWhiteSpace(s[i])) i--;
        return i;
    }

    private static void SkipNonString(string s, ref int i)
    {
        if (s[i] == '/' && i + 1 < s.Length && s[i + 1] == '/') { while (i < s.Length && s[i] != '\n') i++; return; }
        if (s[i] == '/' && i + 1 < s.Length && s[i + 1] == '*') { var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal); i = end < 0 ? s.Length : end + 2; return; }
        if (s[i] == '\'')
        {
            i++;
            while (i < s.Length && s[i] != '\'') i += s[i] == '\\' ? 2 : 1;
            i++;
            return;
        }
        i++;
    }

    /// <summary>A literal starting at <paramref name="i"/>: moves past it.</summary>
    private static bool Try(string s, ref int i, out (int Start, int End, int Line, string Text, List<string> Holes) literal)
    {
        literal = default;
        var start = i;
        var p = i;
        var dollars = 0;
        var verbatim = false;
        while (p < s.Length && (s[p] == '$' || s[p] == '@'))
        {
            if (s[p] == '$') dollars++; else verbatim = true;
            p++;
        }
        if (p >= s.Length || s[p] != '"') return false;
        if (p > start && start > 0 && (char.IsLetterOrDigit(s[start - 1]) || s[start - 1] == '_')) return false;
        var quotes = 0;
        while (p + quotes < s.Length && s[p + quotes] == '"') quotes++;
        var text = new System.Text.StringBuilder();
        var holes = new List<string>();
        int end;
        if (quotes >= 3) end = Raw(s, p + quotes, quotes, dollars, text, holes);
        else if (quotes == 2 && !verbatim) end = p + 2; // ""
        else end = Quoted(s, p + 1, verbatim, dollars > 0, text, holes);
        literal = (start, end, s.AsSpan(0, start).Count('\n') + 1, text.ToString(), holes);
        i = end;
        return true;
    }

    private static int Raw(string s, int i, int quotes, int dollars, System.Text.StringBuilder text, List<string> holes)
    {
        var close = new string('"', quotes);
        var open = new string('{', Math.Max(1, dollars));
        while (i < s.Length)
        {
            if (string.CompareOrdinal(s, i, close, 0, quotes) == 0) return i + quotes;
            if (dollars > 0 && string.CompareOrdinal(s, i, open, 0, open.Length) == 0)
            {
                i = Hole(s, i + open.Length, new string('}', open.Length), holes);
                continue;
            }
            text.Append(s[i++]);
        }
        return i;
    }

    private static int Quoted(string s, int i, bool verbatim, bool interpolated, System.Text.StringBuilder text, List<string> holes)
    {
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '"' && verbatim && i + 1 < s.Length && s[i + 1] == '"') { text.Append('"'); i += 2; continue; }
            if (c == '"') return i + 1;
            if (c == '\\' && !verbatim) { text.Append(s, i, 2); i += 2; continue; }
            if (interpolated && c == '{' && i + 1 < s.Length && s[i + 1] == '{') { text.Append('{'); i += 2; continue; }
            if (interpolated && c == '{') { i = Hole(s, i + 1, "}", holes); continue; }
            text.Append(c);
            i++;
        }
        return i;
    }

    /// <summary>Reads a hole's expression (nested strings, brackets and all) up to its closing brace(s); the format
    /// and alignment after a top-level ':' or ',' are not part of the expression.</summary>
    private static int Hole(string s, int i, string close, List<string> holes)
    {
        var start = i;
        var depth = 0;
        var expressionEnd = -1;
        while (i < s.Length)
        {
            if (depth == 0 && string.CompareOrdinal(s, i, close, 0, close.Length) == 0) break;
            var c = s[i];
            if (Try(s, ref i, out _)) continue;
            if (c == '\'') { SkipNonString(s, ref i); continue; }
            if (c is '(' or '[' or '{') depth++;
            else if (c is ')' or ']' or '}') depth--;
            else if (depth == 0 && c is ':' or ',' && expressionEnd < 0) expressionEnd = i;
            i++;
        }
        holes.Add(s[start..(expressionEnd < 0 ? i : expressionEnd)].Trim());
        return i + close.Length;
    }
}
