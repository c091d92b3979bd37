using Monitor.Feeds.Values;

namespace Monitor.Tests.Feeds.Values;

public sealed class ValueParserCodeTests
{
    [Theory]
    [InlineData("GM0363", "GM0363")]
    [InlineData("gm0363", "GM0363")]
    [InlineData("363", "GM0363")]
    [InlineData("0363", "GM0363")]
    [InlineData(" 363 ", "GM0363")]
    [InlineData("GM363", "GM0363")]
    [InlineData("GM 0363", "GM0363")]
    [InlineData("1900", "GM1900")]
    [InlineData("GM0014", "GM0014")]
    public void Gemeentecode_Normalised(string text, string expected)
    {
        Assert.True(ValueParser.TryGemeentecode(text, out var code, out var error), error);
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("GM03633")]
    [InlineData("12345")]
    [InlineData("GM0000")]
    [InlineData("0")]
    [InlineData("PV27")]
    [InlineData("Amsterdam")]
    [InlineData("GM-0363")]
    [InlineData("363,0")]
    public void Gemeentecode_Refused(string text)
    {
        Assert.False(ValueParser.TryGemeentecode(text, out _, out var error));
        Assert.Equal($"'{text}' is geen geldige gemeentecode (verwacht GM gevolgd door 4 cijfers, bijv. GM0363).", error);
    }

    [Fact]
    public void Gemeentecode_Empty()
    {
        Assert.False(ValueParser.TryGemeentecode(null, out _, out var error));
        Assert.Equal("Er staat geen waarde.", error);
    }

    [Theory]
    [InlineData("GM0363", "GM0363")]
    [InlineData("363", "GM0363")]
    [InlineData("PV27", "PV27")]
    [InlineData("pv7", "PV07")]
    [InlineData("VR13", "VR13")]
    [InlineData("vr01", "VR01")]
    public void Gebiedcode_Normalised(string text, string expected)
    {
        Assert.True(ValueParser.TryGebiedcode(text, out var code, out var error), error);
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("PV270")]
    [InlineData("VR00")]
    [InlineData("RR13")]
    [InlineData("Utrecht")]
    public void Gebiedcode_Refused(string text)
    {
        Assert.False(ValueParser.TryGebiedcode(text, out _, out var error));
        Assert.Equal($"'{text}' is geen geldige gebiedcode (verwacht GM0363, PV27 of VR13).", error);
    }
}
