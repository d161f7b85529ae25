namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// A dispatcher's waiting cases in offer order (<see cref="Compare"/>), indexed by case id, and which of them
/// changed or left since the last save: the store writes those rows only. Every change to a queued case goes
/// through <see cref="Add"/>, <see cref="Remove"/>, <see cref="Reorder"/> or <see cref="Touch"/>, or it is not saved.
/// </summary>
public sealed class DispatcherQueue
{
    private readonly List<QueuedCase> _ordered;
    private readonly Dictionary<string, QueuedCase> _byCase = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QueuedCase> _changed = new(StringComparer.Ordinal);
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

    private static readonly Comparer<QueuedCase> Order = Comparer<QueuedCase>.Create(Compare);

    /// <param name="ordered">The list the queue keeps in order (the state's <see cref="DispatcherState.Queue"/>); sorted here.</param>
    public DispatcherQueue(List<QueuedCase> ordered)
    {
        _ordered = ordered;
        _ordered.Sort(Order);
        foreach (var q in _ordered)
        {
            _byCase[q.CaseId] = q;
        }
    }

    /// <summary>The rule order (<see cref="OfferPolicy.RuleOrder"/>).</summary>
    public static int Compare(QueuedCase? a, QueuedCase? b) =>
        ReferenceEquals(a, b) ? 0
        : a is null ? -1
        : b is null ? 1
        : OfferPolicy.RuleOrder(a, b);

    public int Count => _ordered.Count;

    public IReadOnlyList<QueuedCase> InOrder => _ordered;

    public bool HasChanges => _changed.Count > 0 || _removed.Count > 0;

    public QueuedCase? Find(string caseId) => _byCase.GetValueOrDefault(caseId);

    /// <summary>This very case (not merely one with its id) is still queued.</summary>
    public bool Contains(QueuedCase q) => _byCase.TryGetValue(q.CaseId, out var held) && ReferenceEquals(held, q);

    /// <summary>Its place, 1-based, by binary search on the order.</summary>
    public int PositionOf(QueuedCase q) => IndexOf(q) + 1;

    public void Add(QueuedCase q)
    {
        if (_byCase.ContainsKey(q.CaseId))
        {
            throw new InvalidOperationException($"Case {q.CaseId} is already queued.");
        }
        var at = _ordered.BinarySearch(q, Order);
        _ordered.Insert(at < 0 ? ~at : at, q);
        _byCase[q.CaseId] = q;
        Touch(q);
    }

    public bool Remove(QueuedCase q)
    {
        if (!Contains(q))
        {
            return false;
        }
        _ordered.RemoveAt(IndexOf(q));
        _byCase.Remove(q.CaseId);
        _changed.Remove(q.CaseId);
        _removed.Add(q.CaseId);
        return true;
    }

    /// <summary>After its ticket changed what it sorts by (urgent): found by identity, put back in its new place.</summary>
    public void Reorder(QueuedCase q)
    {
        _ordered.Remove(q);
        var at = _ordered.BinarySearch(q, Order);
        _ordered.Insert(at < 0 ? ~at : at, q);
        Touch(q);
    }

    /// <summary>The case changed: its row is written with the next save.</summary>
    public void Touch(QueuedCase q)
    {
        if (Contains(q))
        {
            _changed[q.CaseId] = q;
            _removed.Remove(q.CaseId);
        }
    }

    /// <summary>What changed and what left since the last call; the caller writes them.</summary>
    public (IReadOnlyList<QueuedCase> Changed, IReadOnlyCollection<string> Removed) TakeChanges()
    {
        var changes = (_changed.Values.ToList(), _removed.ToList());
        _changed.Clear();
        _removed.Clear();
        return changes;
    }

    private int IndexOf(QueuedCase q)
    {
        var at = _ordered.BinarySearch(q, Order);
        return at >= 0 && ReferenceEquals(_ordered[at], q) ? at : _ordered.IndexOf(q);
    }
}
