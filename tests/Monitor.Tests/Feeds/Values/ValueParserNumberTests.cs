using Monitor.Feeds.Formats;
using Monitor.Feeds.Values;

namespace Monitor.Tests.Feeds.Values;

public sealed class ValueParserNumberTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("1234", 1234)]
    [InlineData("1.234", 1234)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("12,0", 12)]
    [InlineData(" 42 ", 42)]
    [InlineData("1 234", 1234)]
    [InlineData("1\u00A0234", 1234)]
    [InlineData("1\u202F234\u202F567", 1234567)]
    [InlineData("+7", 7)]
    [InlineData("10.000.000", 10_000_000)]
    [InlineData("0042", 42)]
    [InlineData("9999999", 9_999_999)]
    public void Count_Dutch(string text, int expected)
    {
        Assert.True(ValueParser.TryCount(text, NumberStyleHint.Dutch, out var value, out var error), error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1234", 1234)]
    [InlineData("1,234", 1234)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("1234.0", 1234)]
    [InlineData("1 234", 1234)]
    public void Count_Invariant(string text, int expected)
    {
        Assert.True(ValueParser.TryCount(text, NumberStyleHint.Invariant, out var value, out var error), error);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("12,5", NumberStyleHint.Dutch, "'12,5' is geen heel getal.")]
    [InlineData("1.5", NumberStyleHint.Invariant, "'1.5' is geen heel getal.")]
    [InlineData("150.0000000000000000000000000001", NumberStyleHint.Invariant, "'150.0000000000000000000000000001' is geen heel getal.")] // a decimal would round it to 150
    [InlineData("150,00000000000000000000000000001", NumberStyleHint.Dutch, "'150,00000000000000000000000000001' is geen heel getal.")]
    [InlineData("-3", NumberStyleHint.Dutch, "'-3' mag niet negatief zijn.")]
    [InlineData("−3", NumberStyleHint.Invariant, "'−3' mag niet negatief zijn.")]
    [InlineData("10.000.001", NumberStyleHint.Dutch, "'10.000.001' is onwaarschijnlijk groot (meer dan 10.000.000).")]
    [InlineData("99999999999999999999999999999999", NumberStyleHint.Dutch, "'99999999999999999999999999999999' is te groot.")]
    [InlineData("12.5", NumberStyleHint.Dutch, "'12.5' is geen geldig getal. In dit bestand staat een komma voor decimalen en een punt voor duizendtallen (12,5 en 1.234).")]
    [InlineData("1.2345", NumberStyleHint.Dutch, "'1.2345' is geen geldig getal. In dit bestand staat een komma voor decimalen en een punt voor duizendtallen (12,5 en 1.234).")]
    [InlineData("1,5", NumberStyleHint.Invariant, "'1,5' is geen geldig getal. In dit bestand staat een punt voor decimalen en een komma voor duizendtallen (12.5 en 1,234).")]
    [InlineData("12 stuks", NumberStyleHint.Dutch, "'12 stuks' is geen geldig getal.")]
    [InlineData("1.23.456", NumberStyleHint.Dutch, "'1.23.456' is geen geldig getal.")]
    [InlineData("1234.567", NumberStyleHint.Dutch, "'1234.567' is geen geldig getal. In dit bestand staat een komma voor decimalen en een punt voor duizendtallen (12,5 en 1.234).")]
    [InlineData("1.234 567", NumberStyleHint.Dutch, "'1.234 567' is geen geldig getal.")]
    [InlineData("12,", NumberStyleHint.Dutch, "'12,' is geen geldig getal.")]
    [InlineData("-", NumberStyleHint.Dutch, "'-' is geen geldig getal.")]
    [InlineData("", NumberStyleHint.Dutch, "Er staat geen waarde.")]
    [InlineData(null, NumberStyleHint.Dutch, "Er staat geen waarde.")]
    public void Count_Refused(string? text, NumberStyleHint numbers, string message)
    {
        Assert.False(ValueParser.TryCount(text, numbers, out _, out var error));
        Assert.Equal(message, error);
    }

    [Theory]
    [InlineData("185,53", NumberStyleHint.Dutch, "185.53")]
    [InlineData("185.53", NumberStyleHint.Invariant, "185.53")]
    [InlineData("1.234,56", NumberStyleHint.Dutch, "1234.56")]
    [InlineData("1,234.56", NumberStyleHint.Invariant, "1234.56")]
    [InlineData("0,5", NumberStyleHint.Dutch, "0.5")]
    [InlineData(",5", NumberStyleHint.Dutch, "0.5")]
    [InlineData("-0,25", NumberStyleHint.Dutch, "-0.25")]
    [InlineData("1", NumberStyleHint.Dutch, "1")]
    [InlineData("1.000", NumberStyleHint.Dutch, "1000")]
    [InlineData("1.000", NumberStyleHint.Invariant, "1")]
    public void Decimal_Read(string text, NumberStyleHint numbers, string expected)
    {
        Assert.True(ValueParser.TryDecimal(text, numbers, out var value, out var error), error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("1.234,56", NumberStyleHint.Invariant)]
    [InlineData("1,234.56", NumberStyleHint.Dutch)]
    [InlineData("12,5,1", NumberStyleHint.Dutch)]
    [InlineData("1e3", NumberStyleHint.Invariant)]
    [InlineData("€ 12", NumberStyleHint.Dutch)]
    public void Decimal_Refused(string text, NumberStyleHint numbers)
    {
        Assert.False(ValueParser.TryDecimal(text, numbers, out _, out var error));
        Assert.StartsWith($"'{text}' is geen geldig getal.", error);
    }
}
