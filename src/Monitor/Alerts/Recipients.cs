namespace Monitor.Alerts;

/// <summary>One row of monitor.contacten.</summary>
public sealed record Contact(string Gebiedcode, string Rol, string Naam, string Email);

/// <summary>
/// Who receives what, pure: college → contacts of the gemeente itself; prt and toezicht → contacts of the provincie
/// (the gemeente's provincie, or the area itself when it is a PV code); operator → every operator contact.
/// </summary>
public sealed class Recipients(IReadOnlyList<Contact> contacts, IReadOnlyDictionary<string, string> provincieOf)
{
    public IReadOnlyList<Contact> For(string gebiedcode, IEnumerable<string> roles)
    {
        var provincie = gebiedcode.StartsWith("PV", StringComparison.Ordinal) ? gebiedcode : provincieOf.GetValueOrDefault(gebiedcode);
        var found = new List<Contact>();
        foreach (var role in roles)
            found.AddRange(contacts.Where(c => c.Rol == role && role switch
            {
                Roles.College => c.Gebiedcode == gebiedcode,
                Roles.Prt or Roles.Toezicht => c.Gebiedcode == provincie,
                _ => true,
            }));
        return found.DistinctBy(c => c.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
