using System.Text;
using System.Text.RegularExpressions;

namespace Monitor.Bench.Dashboards.Grafana;

/// <summary>
/// Grafana's PostgreSQL macro engine strips SQL comments before it expands macros, so a macro in a comment is never
/// evaluated (pkg/tsdb/grafana-postgresql-datasource/macros.go, stripSQLComments). Quote-aware: '…', "…" and
/// dollar-quoted strings are copied verbatim; a trailing SQLCommenter tag (/*k='v',…*/ without '$') is kept.
/// </summary>
public static partial class SqlComments
{
    [GeneratedRegex(@"^\s*[A-Za-z_][\w.-]*='[^']*'(\s*,\s*[A-Za-z_][\w.-]*='[^']*')*\s*$")]
    private static partial Regex SqlCommenterTag();

    public static string Strip(string sql)
    {
        var output = new StringBuilder(sql.Length);
        var i = 0;
        var n = sql.Length;
        while (i < n)
        {
            var c = sql[i];
            if (c == '$' && TryDollarQuote(sql, i, out var closing))
            {
                var end = sql.IndexOf(closing, i + closing.Length, StringComparison.Ordinal);
                end = end < 0 ? n : end + closing.Length;
                output.Append(sql, i, end - i);
                i = end;
            }
            else if (c is '\'' or '"')
            {
                var j = i + 1;
                while (j < n)
                {
                    if (sql[j] == c)
                    {
                        if (j + 1 < n && sql[j + 1] == c) { j += 2; continue; }
                        j++;
                        break;
                    }
                    j++;
                }
                output.Append(sql, i, j - i);
                i = j;
            }
            else if (c == '/' && i + 1 < n && sql[i + 1] == '*')
            {
                var close = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var end = close < 0 ? n : close + 2;
                var body = sql.Substring(i + 2, Math.Max(0, (close < 0 ? n : close) - i - 2));
                if (close >= 0 && !body.Contains('$') && SqlCommenterTag().IsMatch(body)) output.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '-' && i + 1 < n && sql[i + 1] == '-')
            {
                while (i < n && sql[i] != '\n') i++;
            }
            else
            {
                output.Append(c);
                i++;
            }
        }
        return output.ToString();
    }

    /// <summary>$$ or $tag$ where the tag starts with a letter or '_': a dollar quote; $__macro( and $1 are not.</summary>
    private static bool TryDollarQuote(string sql, int i, out string closing)
    {
        closing = "";
        var j = i + 1;
        if (j < sql.Length && sql[j] == '$') { closing = "$$"; return true; }
        if (j >= sql.Length || !(char.IsAsciiLetter(sql[j]) || sql[j] == '_')) return false;
        var k = j + 1;
        while (k < sql.Length && (char.IsAsciiLetterOrDigit(sql[k]) || sql[k] == '_')) k++;
        if (k >= sql.Length || sql[k] != '$') return false;
        closing = sql[i..(k + 1)];
        return true;
    }
}
