using Monitor.Feeds.Formats;

namespace Monitor.Tests.Feeds.Formats;

public sealed class JsonNumbersTests
{
    [Theory]
    [InlineData("150", "150", true)]
    [InlineData("150.000", "150", true)]
    [InlineData("1.5e2", "150", true)]
    [InlineData("15E+1", "150", true)]
    [InlineData("-0.0", "0", true)]
    [InlineData("0.000", "0", true)]
    [InlineData("150.0000000000000000000000000001", "150", false)]
    [InlineData("1e-400", "0", false)]
    [InlineData("12.5", "12.5", true)]
    [InlineData("-12.5", "12.5", false)]
    public void SameValue_OnlyWhenTheDecimalKeptEveryDigit(string written, string rendered, bool same) =>
        Assert.Equal(same, JsonNumbers.SameValue(written, rendered));
}
