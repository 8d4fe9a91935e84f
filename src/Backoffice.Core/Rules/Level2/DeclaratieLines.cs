using Backoffice.Core.Messages.Declaraties;

namespace Backoffice.Core.Rules.Level2;

/// <summary>One Prestatie of a 323 or 325 with where it sits: its client's position and its own path.</summary>
internal readonly record struct DeclaratieLine(Prestatie Prestatie, int Client, XmlPath Path);

/// <summary>
/// The Prestaties of a 323 (<c>/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie</c>) or a 325
/// (<c>/Bericht/DeclaratieAntwoord/...</c>) in document order, each with its path, for the rules
/// that look at every line of a declaration.
/// </summary>
internal static class DeclaratieLines
{
    public static IEnumerable<DeclaratieLine> Of(Declaratie declaratie) =>
        Lines(declaratie.Clienten.Select(c => c.Prestaties.AsEnumerable()), XmlPath.Bericht.Child("Declaratie").Child("Clienten"));

    public static IEnumerable<DeclaratieLine> Of(DeclaratieAntwoord antwoord) =>
        Lines(antwoord.Clienten.Select(c => c.Prestaties.Select(p => p.Prestatie)), XmlPath.Bericht.Child("DeclaratieAntwoord").Child("Clienten"));

    private static IEnumerable<DeclaratieLine> Lines(IEnumerable<IEnumerable<Prestatie>> clienten, XmlPath parent)
    {
        var client = 0;
        foreach (var prestaties in clienten)
        {
            var position = 0;
            foreach (var prestatie in prestaties)
            {
                // A level-2 rule runs on XSD-valid messages only; a null line from a hand-built record is skipped, never thrown on.
                if (prestatie is not null)
                {
                    yield return new(prestatie, client, parent.Item("Client", client).Child("Prestaties").Item("Prestatie", position));
                }

                position++;
            }

            client++;
        }
    }
}
