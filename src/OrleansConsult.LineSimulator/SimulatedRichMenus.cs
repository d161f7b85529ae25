using OrleansConsult.Line.RichMenus;

namespace OrleansConsult.LineSimulator;

/// <summary>
/// Rich menus as LINE keeps them per channel: menus with their images (uploaded once), the default,
/// per-user links and aliases. Thread-safe; counts creations so tests can see duplicates.
/// </summary>
public sealed class SimulatedRichMenus
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedRichMenu> _menus = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _defaults = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Channel, string UserId), string> _links = [];
    private readonly Dictionary<(string Channel, string AliasId), string> _aliases = [];
    private long _created;

    public long Created => Interlocked.Read(ref _created);

    public string Create(string channel, RichMenuRequest menu, DateTimeOffset now)
    {
        var id = "richmenu-" + Guid.NewGuid().ToString("N");
        lock (_gate)
        {
            _menus[id] = new SimulatedRichMenu(channel, id, menu, now);
        }
        Interlocked.Increment(ref _created);
        return id;
    }

    public SimulatedRichMenu? Find(string channel, string id)
    {
        lock (_gate)
        {
            return _menus.TryGetValue(id, out var menu) && menu.Channel == channel ? menu : null;
        }
    }

    public IReadOnlyList<SimulatedRichMenu> List(string channel)
    {
        lock (_gate)
        {
            return _menus.Values.Where(m => m.Channel == channel).OrderBy(m => m.CreatedAt).ToList();
        }
    }

    /// <summary>False when the menu is not there; users linked to it and its default role go with it.</summary>
    public bool Delete(string channel, string id)
    {
        lock (_gate)
        {
            if (Find(channel, id) is null)
            {
                return false;
            }
            _menus.Remove(id);
            foreach (var key in _links.Where(l => l.Value == id).Select(l => l.Key).ToList())
            {
                _links.Remove(key);
            }
            if (_defaults.TryGetValue(channel, out var d) && d == id)
            {
                _defaults.Remove(channel);
            }
            foreach (var key in _aliases.Where(a => a.Value == id).Select(a => a.Key).ToList())
            {
                _aliases.Remove(key);
            }
            return true;
        }
    }

    public void SetDefault(string channel, string? id)
    {
        lock (_gate)
        {
            if (id is null)
            {
                _defaults.Remove(channel);
            }
            else
            {
                _defaults[channel] = id;
            }
        }
    }

    public string? DefaultOf(string channel)
    {
        lock (_gate)
        {
            return _defaults.GetValueOrDefault(channel);
        }
    }

    public void Link(string channel, string userId, string? id)
    {
        lock (_gate)
        {
            if (id is null)
            {
                _links.Remove((channel, userId));
            }
            else
            {
                _links[(channel, userId)] = id;
            }
        }
    }

    public string? LinkedTo(string channel, string userId)
    {
        lock (_gate)
        {
            return _links.GetValueOrDefault((channel, userId));
        }
    }

    public void SetAlias(string channel, string aliasId, string id)
    {
        lock (_gate)
        {
            _aliases[(channel, aliasId)] = id;
        }
    }

    public string? AliasOf(string channel, string aliasId)
    {
        lock (_gate)
        {
            return _aliases.GetValueOrDefault((channel, aliasId));
        }
    }

    public bool DeleteAlias(string channel, string aliasId)
    {
        lock (_gate)
        {
            return _aliases.Remove((channel, aliasId));
        }
    }

    public IReadOnlyList<(string AliasId, string RichMenuId)> Aliases(string channel)
    {
        lock (_gate)
        {
            return _aliases.Where(a => a.Key.Channel == channel).Select(a => (a.Key.AliasId, a.Value)).ToList();
        }
    }

    /// <summary>What her phone shows: her linked menu, else the channel's default; null when neither.</summary>
    public RichMenuView? ViewFor(string channel, string userId)
    {
        lock (_gate)
        {
            var linked = LinkedTo(channel, userId);
            var id = linked ?? DefaultOf(channel);
            if (id is null || !_menus.TryGetValue(id, out var menu))
            {
                return null;
            }
            return new RichMenuView(id, menu.Menu.Name, menu.Menu.ChatBarText, menu.Menu.Size.Width, menu.Menu.Size.Height, menu.Image is not null,
                linked is not null, menu.Menu.Areas);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _menus.Clear();
            _defaults.Clear();
            _links.Clear();
            _aliases.Clear();
        }
    }
}
