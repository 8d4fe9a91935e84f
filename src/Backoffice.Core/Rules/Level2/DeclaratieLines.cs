using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// One Prestatie of a 323 or 325 with where it sits: its client's position and its own, both
/// 0-based. Its path is made only when asked for (<see cref="Path"/>), which a rule does for a
/// finding alone: a 20k-line declaration then costs no path per line.
/// </summary>
internal readonly record struct DeclaratieLine(Prestatie Prestatie, int Client, int Position, bool Antwoord)
{
    /// <summary><c>/Bericht/Declaratie/Clienten/Client[c]/Prestaties/Prestatie[p]</c> (or <c>DeclaratieAntwoord</c> on a 325).</summary>
    public XmlPath Path => DeclaratieLines.PrestatiePath(Antwoord, Client, Position);
}

/// <summary>
/// The Prestaties of a 323 (<c>/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie</c>) or a 325
/// (<c>/Bericht/DeclaratieAntwoord/...</c>) in document order, for the rules that look at every line
/// of a declaration. The enumeration is a struct over the record's arrays: a <c>foreach</c> over it
/// allocates nothing, and no line's path is made unless a rule reports on it.
/// </summary>
internal static class DeclaratieLines
{
    public static Sequence Of(Declaratie declaratie) => new(declaratie.Clienten, default);

    public static Sequence Of(DeclaratieAntwoord antwoord) => new(default, antwoord.Clienten);

    /// <summary>The Clienten element of a 323 or (<paramref name="antwoord"/>) a 325.</summary>
    public static XmlPath Clienten(bool antwoord) => XmlPath.Bericht.Child(antwoord ? "DeclaratieAntwoord" : "Declaratie").Child("Clienten");

    /// <summary>The <paramref name="client"/>-th Client (0-based) of a 323 or 325.</summary>
    public static XmlPath ClientPath(bool antwoord, int client) => Clienten(antwoord).Item("Client", client);

    /// <summary>The <paramref name="position"/>-th Prestatie (0-based) of the <paramref name="client"/>-th Client.</summary>
    public static XmlPath PrestatiePath(bool antwoord, int client, int position) =>
        ClientPath(antwoord, client).Child("Prestaties").Item("Prestatie", position);

    /// <summary>
    /// Empties a rule's per-client set when the walk reaches the next client. A set that grew past a
    /// large client is replaced instead, so clearing it does not cost every later (small) client.
    /// </summary>
    public static void ResetForNextClient<T>(ref HashSet<T> seen)
    {
        if (seen.Count > 64)
        {
            seen = [];
        }
        else
        {
            seen.Clear();
        }
    }

    /// <summary>The lines of one declaration; <c>foreach</c> uses <see cref="GetEnumerator"/> without boxing.</summary>
    public readonly struct Sequence(EquatableArray<DeclaratieClient> declaratie, EquatableArray<DeclaratieAntwoordClient> antwoord)
    {
        public Enumerator GetEnumerator() => new(declaratie, antwoord);
    }

    /// <summary>Walks client by client, line by line; a null line (a hand-built record) is skipped but keeps its position.</summary>
    public struct Enumerator(EquatableArray<DeclaratieClient> declaratie, EquatableArray<DeclaratieAntwoordClient> antwoord)
    {
        private readonly bool isAntwoord = antwoord.Count > 0;
        private int client;
        private int position = -1;

        public DeclaratieLine Current { get; private set; }

        public bool MoveNext()
        {
            var clients = isAntwoord ? antwoord.Count : declaratie.Count;
            while (client < clients)
            {
                var count = isAntwoord ? antwoord[client].Prestaties.Count : declaratie[client].Prestaties.Count;
                while (++position < count)
                {
                    // A level-2 rule runs on XSD-valid messages only; a null line from a hand-built record is skipped, never thrown on.
                    var prestatie = isAntwoord ? antwoord[client].Prestaties[position]?.Prestatie : declaratie[client].Prestaties[position];
                    if (prestatie is not null)
                    {
                        Current = new(prestatie, client, position, isAntwoord);
                        return true;
                    }
                }

                client++;
                position = -1;
            }

            return false;
        }
    }
}
