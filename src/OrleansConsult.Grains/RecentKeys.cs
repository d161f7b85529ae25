namespace OrleansConsult.Grains;

/// <summary>A bounded set of the latest retry keys, oldest forgotten first. Memory only.</summary>
internal sealed class RecentKeys(int capacity)
{
    private readonly HashSet<Guid> _set = [];
    private readonly Queue<Guid> _order = new();

    public bool Contains(Guid key) => _set.Contains(key);

    public void Add(Guid key)
    {
        if (!_set.Add(key))
        {
            return;
        }
        _order.Enqueue(key);
        if (_order.Count > capacity)
        {
            _set.Remove(_order.Dequeue());
        }
    }
}
