namespace Backoffice.Core.Rules.Level3;

/// <summary>The element paths of the product lines of a 305 and a 307, as the level-2 rules write them.</summary>
internal static class StartStopPaths
{
    private static readonly XmlPath Client = XmlPath.Bericht.Child("Client");

    /// <summary><c>/Bericht/Client/StartProducten/StartProduct[i+1]</c> for the line at <paramref name="index"/> (0-based).</summary>
    public static XmlPath Start(int index) => Client.Child("StartProducten").Item("StartProduct", index);

    /// <summary><c>/Bericht/Client/StopProducten/StopProduct[i+1]</c> for the line at <paramref name="index"/> (0-based).</summary>
    public static XmlPath Stop(int index) => Client.Child("StopProducten").Item("StopProduct", index);
}
