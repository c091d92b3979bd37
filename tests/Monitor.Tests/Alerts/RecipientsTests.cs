using Monitor.Alerts;

namespace Monitor.Tests.Alerts;

public sealed class RecipientsTests
{
    private static readonly Recipients R = new(
    [
        new Contact("GM0363", "college", "College Amsterdam", "college@amsterdam.test"),
        new Contact("GM0344", "college", "College Utrecht", "college@utrecht.test"),
        new Contact("PV27", "prt", "PRT Noord-Holland", "prt@nh.test"),
        new Contact("PV27", "toezicht", "GS Noord-Holland", "gs@nh.test"),
        new Contact("PV26", "prt", "PRT Utrecht", "prt@utrecht.test"),
        new Contact("NL", "operator", "Beheer", "beheer@monitor.test"),
        new Contact("PV27", "operator", "Beheer NH", "BEHEER@monitor.test"),
    ], new Dictionary<string, string> { ["GM0363"] = "PV27", ["GM0344"] = "PV26" });

    [Fact]
    public void College_IsTheGemeentesOwn() =>
        Assert.Equal(["college@amsterdam.test"], R.For("GM0363", [Roles.College]).Select(c => c.Email));

    [Fact]
    public void PrtAndToezicht_AreTheGemeentesProvincie() =>
        Assert.Equal(["college@amsterdam.test", "prt@nh.test", "gs@nh.test"], R.For("GM0363", [Roles.College, Roles.Prt, Roles.Toezicht]).Select(c => c.Email));

    [Fact]
    public void ProvincieArea_UsesItsOwnCode() => Assert.Equal(["prt@utrecht.test"], R.For("PV26", [Roles.Prt]).Select(c => c.Email));

    [Fact]
    public void Operators_AreEveryOperatorOnce() => Assert.Equal(["beheer@monitor.test"], R.For("NL", [Roles.Operator]).Select(c => c.Email));
}
