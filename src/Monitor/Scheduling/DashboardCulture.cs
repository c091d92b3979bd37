using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;

namespace Monitor.Scheduling;

/// <summary>
/// The service speaks Dutch: Hangfire's dashboard takes its texts from its own <c>nl</c> satellite resources and its
/// dates from the request culture (the page's <c>lang</c> picks moment.js's Dutch locale). Only nl-NL is offered, so a
/// browser asking for English still gets the Dutch page, like every other text of the Monitor.
/// </summary>
public static class DashboardCulture
{
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static RequestLocalizationOptions Options() => new()
    {
        DefaultRequestCulture = new RequestCulture(Dutch),
        SupportedCultures = [Dutch],
        SupportedUICultures = [Dutch],
    };
}
