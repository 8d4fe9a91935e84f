namespace Backoffice.Data;

/// <summary>
/// Column lengths of the SQL Server schema, enforced by the stores on both databases so that SQLite
/// (which does not enforce lengths) behaves the same as production.
/// </summary>
internal static class Limits
{
    public const int Channel = 50;
    public const int OriginalName = 400;
    public const int InstanceId = 200;
    public const int Standard = 50;
    public const int MessageType = 50;
    public const int Party = 100;
    public const int Identificatie = 100;
    public const int Rule = 50;
    public const int Retourcode = 10;

    /// <summary>The codes an answer carries, space separated (message_answer.retourcode).</summary>
    public const int AnswerRetourcodes = 200;
    public const int FileKey = 100;

    /// <summary>For values the code chooses (channel, rule code): too long is a bug, so it throws.</summary>
    public static string Checked(string value, int max, string name)
    {
        ArgumentNullException.ThrowIfNull(value, name);
        if (value.Length > max)
        {
            throw new ArgumentException($"{name} is {value.Length} characters; the column holds {max}.", name);
        }

        return value;
    }

    /// <summary>
    /// For values read from a delivered message or file name: bad input is a value, never a
    /// failure to store, so an overlong value is cut (the raw content keeps the full text).
    /// </summary>
    public static string? Clipped(string? value, int max) =>
        value is null || value.Length <= max ? value : value[..max];
}
