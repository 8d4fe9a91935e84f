namespace Backoffice.Core.Messages.Common;

/// <summary>COD043: the sign of an amount. In XML <c>D</c> or <c>C</c>; an amount of 0 carries D (CS325).</summary>
public enum DebetCredit
{
    Debet,
    Credit,
}
