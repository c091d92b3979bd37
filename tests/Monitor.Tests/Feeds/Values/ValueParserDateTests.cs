using Monitor.Feeds.Values;

namespace Monitor.Tests.Feeds.Values;

public sealed class ValueParserDateTests
{
    [Theory]
    [InlineData("2025-07-01")]
    [InlineData("2025-7-1")]
    [InlineData("1-7-2025")]
    [InlineData("01-07-2025")]
    [InlineData(" 1-7-2025 ")]
    [InlineData("2025/07/01")]
    [InlineData("2025-07-01T00:00:00")]
    [InlineData("2025-07-01T00:00:00Z")]
    [InlineData("2025-07-01 00:00")]
    [InlineData("1-7-2025 00:00:00")]
    public void Date_Read(string text)
    {
        Assert.True(ValueParser.TryDate(text, out var value, out var error), error);
        Assert.Equal(new DateOnly(2025, 7, 1), value);
    }

    [Theory]
    [InlineData("15/7/2025", 2025, 7, 15)]
    [InlineData("7/7/2025", 2025, 7, 7)]
    [InlineData("31/12/2099", 2099, 12, 31)]
    public void SlashedDate_ReadWhenClearlyDayFirst(string text, int year, int month, int day)
    {
        Assert.True(ValueParser.TryDate(text, out var value, out var error), error);
        Assert.Equal(new DateOnly(year, month, day), value);
    }

    [Theory]
    [InlineData("1/7/2025", "'1/7/2025' is dubbelzinnig (1-7 of 7-1?); schrijf de datum als 2025-07-01 of 1-7-2025.")]
    [InlineData("7/15/2025", "'7/15/2025' is dubbelzinnig (7-15 of 15-7?); schrijf de datum als 2025-07-01 of 1-7-2025.")]
    [InlineData("31-2-2025", "'31-2-2025' is geen bestaande datum.")]
    [InlineData("2025-13-01", "'2025-13-01' is geen bestaande datum.")]
    [InlineData("2025-02-29", "'2025-02-29' is geen bestaande datum.")]
    [InlineData("1999-12-31", "'1999-12-31' ligt buiten 2000–2100; is het jaartal goed?")]
    [InlineData("1-7-1999", "'1-7-1999' ligt buiten 2000–2100; is het jaartal goed?")]
    [InlineData("1-7-2101", "'1-7-2101' ligt buiten 2000–2100; is het jaartal goed?")]
    [InlineData("1-7-25", "'1-7-25' is geen geldige datum; schrijf de datum als 2025-07-01 of 1-7-2025.")]
    [InlineData("1 juli 2025", "'1 juli 2025' is geen geldige datum; schrijf de datum als 2025-07-01 of 1-7-2025.")]
    [InlineData("45839", "'45839' is geen geldige datum; schrijf de datum als 2025-07-01 of 1-7-2025.")]
    [InlineData("2025-07-01 13:30:00", "'2025-07-01 13:30:00' bevat een tijd; geef alleen de datum (schrijf de datum als 2025-07-01 of 1-7-2025).")]
    [InlineData("2025-07-01T00:00:00+02:00", "'2025-07-01T00:00:00+02:00' bevat een tijd; geef alleen de datum (schrijf de datum als 2025-07-01 of 1-7-2025).")]
    [InlineData("1-7/2025", "'1-7/2025' is geen geldige datum; schrijf de datum als 2025-07-01 of 1-7-2025.")]
    [InlineData(" ", "Er staat geen waarde.")]
    public void Date_Refused(string text, string message)
    {
        Assert.False(ValueParser.TryDate(text, out _, out var error));
        Assert.Equal(message, error);
    }
}
