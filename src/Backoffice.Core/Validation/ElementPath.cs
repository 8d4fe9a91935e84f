namespace Backoffice.Core.Validation;

/// <summary>
/// The path of the element being read, e.g. <c>/Bericht/Declaratie/Clienten/Client[3]/Bsn</c>.
/// Frames are reused as the reader goes up and down, so a 20,000-line declaration costs no more
/// memory than a small one; the string is only built when a finding needs it.
/// </summary>
internal sealed class ElementPath
{
    private readonly List<Frame> _frames = [];

    public int Depth { get; private set; }

    public string Name(int level) => _frames[level].Name;

    /// <summary>The position among same-named siblings of the element at <paramref name="level"/> (1-based).</summary>
    public int Ordinal(int level) => _frames[level].Ordinal;

    /// <summary>One step of a path as it is printed: <c>/Name</c> or <c>/Name[3]</c>.</summary>
    public static string Step(string name, int ordinal) => Frame.Format(name, ordinal);

    /// <summary>Name counted from the top: 1 is the current element, 2 its parent.</summary>
    public string NameFromTop(int fromTop) => _frames[Depth - fromTop].Name;

    public void Push(string name)
    {
        var ordinal = Depth == 0 ? 1 : _frames[Depth - 1].NextOrdinal(name);
        if (Depth == _frames.Count)
        {
            _frames.Add(new Frame());
        }

        _frames[Depth++].Reset(name, ordinal);
    }

    public void Pop()
    {
        if (Depth > 0)
        {
            Depth--;
        }
    }

    /// <summary>The path a child named <paramref name="child"/> would get if it came next.</summary>
    public string WithChild(string child)
    {
        var ordinal = Depth == 0 ? 1 : _frames[Depth - 1].PeekOrdinal(child);
        return ToString() + Frame.Format(child, ordinal);
    }

    public override string ToString() =>
        string.Concat(_frames.Take(Depth).Select(f => Frame.Format(f.Name, f.Ordinal)));

    /// <summary>One step, counting same-named children for positions like Prestatie[3].</summary>
    private sealed class Frame
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private string? _lastChild;
        private int _lastCount;

        public string Name { get; private set; } = string.Empty;

        public int Ordinal { get; private set; }

        public static string Format(string name, int ordinal) => ordinal > 1 ? $"/{name}[{ordinal}]" : "/" + name;

        public void Reset(string name, int ordinal)
        {
            Name = name;
            Ordinal = ordinal;
            _counts.Clear();
            _lastChild = null;
            _lastCount = 0;
        }

        public int PeekOrdinal(string child) =>
            child == _lastChild ? _lastCount + 1 : _counts.GetValueOrDefault(child) + 1;

        public int NextOrdinal(string child)
        {
            // Siblings mostly repeat in runs (Prestatie, Prestatie, ...): the last-name cache keeps
            // the dictionary out of the common case. Names are atomised by the reader's NameTable.
            if (ReferenceEquals(child, _lastChild) || child == _lastChild)
            {
                return ++_lastCount;
            }

            if (_lastChild is not null)
            {
                _counts[_lastChild] = _lastCount;
            }

            _lastChild = child;
            _lastCount = _counts.GetValueOrDefault(child) + 1;
            return _lastCount;
        }
    }
}
