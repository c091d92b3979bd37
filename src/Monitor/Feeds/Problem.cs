using Monitor.Feeds.Values;

namespace Monitor.Feeds;

/// <summary>One thing wrong with a delivery, said so that a spreadsheet user knows what to fix.</summary>
/// <param name="File">The delivery's file name (or URL).</param>
/// <param name="Line">1-based source line (CSV line, XLSX row, JSON object's line); null for the file as a whole.</param>
/// <param name="Column">The column name as in the feed contract; null when the problem is not about one column.</param>
/// <param name="Message">Plain Dutch.</param>
/// <remarks>Text from the delivery (a cell quoted in the message, a file or column name) can hold characters a terminal
/// obeys (ESC) or PostgreSQL refuses (NUL in jsonb): every part is kept with those characters escaped, so the problem
/// is safe to print, mail and store wherever it goes.</remarks>
public sealed record Problem(string File, long? Line, string? Column, string Message)
{
    public string File { get; init; } = InvisibleCharacters.Escape(File);
    public string? Column { get; init; } = Column is null ? null : InvisibleCharacters.Escape(Column);
    public string Message { get; init; } = InvisibleCharacters.Escape(Message);

    public override string ToString() =>
        $"{File}{(Line is { } l ? $", regel {l}" : "")}{(Column is { } c ? $", kolom {c}" : "")}: {Message}";
}

/// <summary>The delivery cannot be read at all (wrong format, broken zip, encoding). Carries the problems to report.</summary>
public sealed class FeedFormatException(IReadOnlyList<Problem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<Problem> Problems { get; } = problems;
    public FeedFormatException(Problem problem) : this([problem]) { }
}
