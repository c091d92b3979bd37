using Monitor.Feeds;
using Monitor.Feeds.Values;

namespace Monitor.Tests.Feeds.Values;

public sealed class InvisibleCharactersTests
{
    [Theory]
    [InlineData("Azc \u001b[2JGroningen", "Azc \\u001b[2JGroningen")]
    [InlineData("a\0b", "a\\u0000b")]
    [InlineData("G\u200b1", "G\\u200b1")]            // zero-width space
    [InlineData("\u202egnineorG", "\\u202egnineorG")] // right-to-left override
    [InlineData("regel\r\neen", "regel\\u000d\\u000aeen")]
    [InlineData("Oekraïne – 1.234 € 👍", "Oekraïne – 1.234 € 👍")] // visible text, a surrogate pair included, stays
    public void Escape_ShowsWhatATerminalWouldObeyOrHide(string text, string shown) => Assert.Equal(shown, InvisibleCharacters.Escape(text));

    [Fact]
    public void Escape_ShowsALoneSurrogate() // not as InlineData: the test runner cannot pass one through
    {
        Assert.Equal("\\ud800x", InvisibleCharacters.Escape(new string(['\ud800', 'x'])));
        Assert.Equal("x\\udc00", InvisibleCharacters.Escape(new string(['x', '\udc00'])));
    }

    [Fact]
    public void Problem_EscapesFileColumnAndMessage()
    {
        var p = new Problem("lev\u001b[31mering.csv", 3, "naam\u0007", "'\u001b]0;titel\u0007' is geen getal");
        Assert.Equal("lev\\u001b[31mering.csv, regel 3, kolom naam\\u0007: '\\u001b]0;titel\\u0007' is geen getal", p.ToString());
    }

    [Theory]
    [InlineData("tab\tin cel", -1)]
    [InlineData("regel\neinde", -1)]
    [InlineData("nul\0", 3)]
    [InlineData("esc\u001b", 3)]
    [InlineData("c1\u0085", 2)]
    [InlineData("del\u007f", 3)]
    public void Cells_RefuseControlCharactersButTabsAndLineBreaks(string cell, int at) =>
        Assert.Equal(at, InvisibleCharacters.IndexOfForbiddenInCell(cell));
}
