namespace Backoffice.Core.Standard;

/// <summary>
/// One iWmo 3.2 message type: its name (WMO301), VECTIS BerichtCode, XML namespace and how it
/// relates to the other messages. The 14 types and their codes are listed in iwmo-3.2.md §3
/// (COD002VEKTIS_Berichtcode).
/// </summary>
public sealed record MessageType(
    string Name,
    int BerichtCode,
    MessageDirection Direction,
    string? AnswerName,
    string? AnswersName)
{
    /// <summary>Namespace prefix shared by every iWmo 3.2 message and the basisschema.</summary>
    public const string NamespaceRoot = "http://www.istandaarden.nl/iwmo/3_2/";

    public const string BasisschemaNamespace = NamespaceRoot + "basisschema/schema";

    /// <summary>e.g. <c>http://www.istandaarden.nl/iwmo/3_2/wmo301/schema</c>.</summary>
    public string Namespace => NamespaceRoot + Name.ToLowerInvariant() + "/schema";

    /// <summary>The schema file name in the official download and in <c>schemas/iwmo-3.2</c>.</summary>
    public string SchemaFileName => Name + ".xsd";

    /// <summary>A retour or declaration answer on another message (302 ... 320, 325); <see cref="AnswersName"/> names it.</summary>
    public bool IsAnswer => AnswersName is not null;

    /// <summary>
    /// An answer the municipality itself builds and sends (306, 308, 316, 318, 325): one arriving in
    /// the municipality's inbox is not a message to take in. The 302 and 320 are answers too, but the
    /// provider sends them (on our 301 and 319), so they are taken in (iwmo-3.2.md §3, product.md).
    /// </summary>
    public bool IsMunicipalityAnswer => IsAnswer && Direction == MessageDirection.MunicipalityToProvider;

    /// <summary>
    /// Whether the header's Afzender is the municipality and its Ontvanger the provider. So it is in
    /// what the municipality sends (301, 319, 325) and also in the providers' retours 302 and 320: a
    /// retour header copies Afzender and Ontvanger from the heen message (IV028). In our own retours
    /// 306 ... 318 the Afzender is therefore the provider, as in the 305 ... 317 they answer.
    /// </summary>
    public bool MunicipalityIsAfzender => Name == "WMO325" || (IsAnswer ? Direction == MessageDirection.ProviderToMunicipality : Direction == MessageDirection.MunicipalityToProvider);

    public static readonly MessageType Wmo301 = new("WMO301", 414, MessageDirection.MunicipalityToProvider, "WMO302", null);
    public static readonly MessageType Wmo302 = new("WMO302", 415, MessageDirection.ProviderToMunicipality, null, "WMO301");
    public static readonly MessageType Wmo305 = new("WMO305", 418, MessageDirection.ProviderToMunicipality, "WMO306", null);
    public static readonly MessageType Wmo306 = new("WMO306", 419, MessageDirection.MunicipalityToProvider, null, "WMO305");
    public static readonly MessageType Wmo307 = new("WMO307", 420, MessageDirection.ProviderToMunicipality, "WMO308", null);
    public static readonly MessageType Wmo308 = new("WMO308", 421, MessageDirection.MunicipalityToProvider, null, "WMO307");
    public static readonly MessageType Wmo315 = new("WMO315", 444, MessageDirection.ProviderToMunicipality, "WMO316", null);
    public static readonly MessageType Wmo316 = new("WMO316", 445, MessageDirection.MunicipalityToProvider, null, "WMO315");
    public static readonly MessageType Wmo317 = new("WMO317", 480, MessageDirection.ProviderToMunicipality, "WMO318", null);
    public static readonly MessageType Wmo318 = new("WMO318", 481, MessageDirection.MunicipalityToProvider, null, "WMO317");
    public static readonly MessageType Wmo319 = new("WMO319", 482, MessageDirection.MunicipalityToProvider, "WMO320", null);
    public static readonly MessageType Wmo320 = new("WMO320", 483, MessageDirection.ProviderToMunicipality, null, "WMO319");
    public static readonly MessageType Wmo323 = new("WMO323", 484, MessageDirection.ProviderToMunicipality, "WMO325", null);
    public static readonly MessageType Wmo325 = new("WMO325", 485, MessageDirection.MunicipalityToProvider, null, "WMO323");

    public static IReadOnlyList<MessageType> All { get; } =
    [
        Wmo301, Wmo302, Wmo305, Wmo306, Wmo307, Wmo308, Wmo315,
        Wmo316, Wmo317, Wmo318, Wmo319, Wmo320, Wmo323, Wmo325,
    ];

    private static readonly Dictionary<string, MessageType> ByNamespace =
        All.ToDictionary(t => t.Namespace, StringComparer.Ordinal);

    private static readonly Dictionary<string, MessageType> ByName =
        All.ToDictionary(t => t.Name, StringComparer.OrdinalIgnoreCase);

    public static MessageType? FromNamespace(string? ns) =>
        ns is not null && ByNamespace.TryGetValue(ns, out var type) ? type : null;

    public static MessageType? FromName(string? name) =>
        name is not null && ByName.TryGetValue(name, out var type) ? type : null;

    public static MessageType? FromBerichtCode(int code) => All.FirstOrDefault(t => t.BerichtCode == code);

    public override string ToString() => Name;
}

/// <summary>Who sends the message (the 301 comes from the municipality's own front office, iwmo-3.2.md §3).</summary>
public enum MessageDirection
{
    MunicipalityToProvider,
    ProviderToMunicipality,
}
