namespace Monitor.Samples;

/// <summary>One row of an opgave feed, as published.</summary>
public sealed record OpgaveFigure(string Opgave, string Versie, string Periode, string Gebiedcode, int Aantal, DateOnly Publicatiedatum);
