using System.Net;
using Monitor.Feeds.Fetching;

namespace Monitor.Tests.Feeds.Fetching;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2025, 7, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(2);

    private static HttpResponseMessage Response(string? retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (retryAfter is not null) response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return response;
    }

    [Theory]
    [InlineData("7", 7)]
    [InlineData("Tue, 01 Jul 2025 06:00:30 GMT", 30)]
    [InlineData("Tue, 01 Jul 2025 05:59:00 GMT", 0)] // a date in the past: retry now
    [InlineData("86400", 120)] // a day: capped
    [InlineData("Wed, 02 Jul 2025 06:00:00 GMT", 120)]
    public void Delay_DeltaSecondsOrHttpDate_IsHonouredUpToTheCap(string header, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryAfter.Delay(Response(header), Now, Cap));

    [Theory]
    [InlineData(null)]
    [InlineData("morgen")]
    public void Delay_NoUsableHeader_LeavesItToTheBackoff(string? header) =>
        Assert.Null(RetryAfter.Delay(Response(header), Now, Cap));

    [Fact]
    public void Delay_NoResponse_LeavesItToTheBackoff() => Assert.Null(RetryAfter.Delay(null, Now, Cap));
}
