using Monitor.Feeds.Values;

namespace Monitor.Tests.Feeds.Values;

public sealed class ValueParserChoiceTests
{
    private static readonly string[] Opgaven = ["asiel", "amv", "oekraine", "taakstelling"];
    private static readonly string[] Statussen = ["beschikbaar", "in_voorbereiding", "gesloten"];

    [Theory]
    [InlineData("asiel", "asiel")]
    [InlineData(" AMV ", "amv")]
    [InlineData("Oekraïne", "oekraine")]
    [InlineData("oekraïne", "oekraine")]
    [InlineData("Taakstelling", "taakstelling")]
    public void Opgave_Matched(string text, string expected)
    {
        Assert.True(ValueParser.TryChoice(text, Opgaven, out var value, out var error), error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("in voorbereiding")]
    [InlineData("In Voorbereiding")]
    [InlineData("in-voorbereiding")]
    [InlineData("in_voorbereiding")]
    [InlineData("in  voorbereiding")]
    public void Status_SpacesAndHyphensMatchUnderscore(string text)
    {
        Assert.True(ValueParser.TryChoice(text, Statussen, out var value, out var error), error);
        Assert.Equal("in_voorbereiding", value);
    }

    [Fact]
    public void UnknownChoice_ListsTheAllowedOnes()
    {
        Assert.False(ValueParser.TryChoice("open", Statussen, out _, out var error));
        Assert.Equal("'open' is geen toegestane waarde; kies uit: beschikbaar, in_voorbereiding, gesloten.", error);
    }

    [Theory]
    [InlineData("2024-2025", "2024-2025")]
    [InlineData(" 2024 - 2025 ", "2024-2025")]
    [InlineData("2025-H1", "2025-H1")]
    [InlineData("2025-h2", "2025-H2")]
    [InlineData("2025 H2", "2025-H2")]
    [InlineData("2025H1", "2025-H1")]
    public void Periode_Normalised(string text, string expected)
    {
        Assert.True(ValueParser.TryPeriode(text, out var value, out var error), error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("2024-2026")]
    [InlineData("2025-2024")]
    [InlineData("2025-H3")]
    [InlineData("2025")]
    [InlineData("H1-2025")]
    [InlineData("1999-2000")]
    [InlineData("2025-Q1")]
    public void Periode_Refused(string text)
    {
        Assert.False(ValueParser.TryPeriode(text, out _, out var error));
        Assert.Equal($"'{text}' is geen geldige periode (verwacht een cyclus als 2024-2025 of een halfjaar als 2025-H1).", error);
    }

    /// <summary>The canonical spelling is matched before any folding; that is only the same rule when no two values of a
    /// list fold to the same key, which holds for every list of the feed contract.</summary>
    [Fact]
    public void EveryContractList_HasValuesThatStayApartWhenFolded()
    {
        foreach (var list in new[] { Monitor.Feeds.Kinds.Choices.Opgaven, Monitor.Feeds.Kinds.Choices.PlaceOpgaven, Monitor.Feeds.Kinds.Choices.Versies,
                     Monitor.Feeds.Kinds.Choices.PlaceStatus, Monitor.Feeds.Kinds.Choices.AgreementSorts, Monitor.Feeds.Kinds.Choices.ContactRoles })
            foreach (var value in list)
            {
                var folded = value.ToUpperInvariant().Replace('_', ' ');
                Assert.True(ValueParser.TryChoice(folded, list, out var found, out _));
                Assert.Equal(value, found);
                Assert.True(ValueParser.TryChoice(value, list, out found, out _));
                Assert.Same(value, found);
            }
    }
}
