namespace OrleansConsult.Tenancy;

/// <summary>
/// Finds the tenant for what a consultee typed: an entry code from a PR card, or an area name
/// in any of the usual spellings (富山, 富山県, とやま, トヤマ, toyama, 富山市). Local, no services.
/// </summary>
public sealed class AreaDirectory
{
    public const int MaxSuggestions = 3;

    private readonly IReadOnlyList<TenantSettings> tenants;
    private readonly Dictionary<string, TenantSettings> entryCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<TenantSettings>> exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<TenantSettings>> stripped = new(StringComparer.Ordinal);

    public AreaDirectory(IEnumerable<TenantSettings> tenants)
    {
        this.tenants = tenants.ToList();
        foreach (var tenant in this.tenants)
        {
            entryCodes.TryAdd(TextFolding.Fold(tenant.EntryCode), tenant);
            foreach (var name in tenant.Areas.SelectMany(a => a.Aliases.Prepend(a.Name)).Append(tenant.DisplayName))
            {
                var folded = TextFolding.Fold(name);
                Add(exact, folded, tenant);
                Add(stripped, TextFolding.StripAreaSuffix(folded), tenant);
            }
        }
    }

    /// <summary>The tenant whose PR-card entry code this is (after folding), or null.</summary>
    public TenantSettings? ByEntryCode(string typed) =>
        entryCodes.TryGetValue(TextFolding.Fold(typed), out var tenant) ? tenant : null;

    public AreaMatch Find(string typed)
    {
        var folded = TextFolding.Fold(typed);
        if (folded.Length == 0) return new AreaMatch(null, Suggest(folded));
        if (entryCodes.TryGetValue(folded, out var byCode)) return new AreaMatch(byCode, []);

        // Most specific first: 富山市 as written, then 富山 against names without 県/市,
        // then 富山市 stripped, then a known name inside a sentence (富山に住んでいます).
        var candidates = Lookup(exact, folded)
            ?? Lookup(stripped, folded)
            ?? Lookup(stripped, TextFolding.StripAreaSuffix(folded))
            ?? Contained(folded);
        return candidates switch
        {
            { Count: 1 } => new AreaMatch(candidates.First(), []),
            { Count: > 1 } => new AreaMatch(null, candidates.Take(MaxSuggestions).ToList()),
            _ => new AreaMatch(null, Suggest(TextFolding.StripAreaSuffix(folded))),
        };
    }

    private static void Add(Dictionary<string, HashSet<TenantSettings>> index, string key, TenantSettings tenant)
    {
        if (key.Length == 0) return;
        if (!index.TryGetValue(key, out var set)) index[key] = set = [];
        set.Add(tenant);
    }

    private static HashSet<TenantSettings>? Lookup(Dictionary<string, HashSet<TenantSettings>> index, string key) =>
        index.TryGetValue(key, out var set) ? set : null;

    private HashSet<TenantSettings>? Contained(string folded)
    {
        var code = entryCodes.Where(e => folded.Contains(e.Key, StringComparison.Ordinal)).Select(e => e.Value).FirstOrDefault();
        if (code is not null) return [code];

        // The longest name found wins, so 北九州 is not read as 九州 (single characters are too weak).
        var hits = stripped.Keys.Where(k => k.Length >= 2 && folded.Contains(k, StringComparison.Ordinal))
            .OrderByDescending(k => k.Length).ToList();
        return hits.Count == 0 ? null : stripped[hits[0]];
    }

    /// <summary>Closest tenants by edit distance to any of their names; always offers some so the bot can show a choice.</summary>
    private List<TenantSettings> Suggest(string key) =>
        tenants
            .Select((t, order) => (Tenant: t, Order: order, Distance: stripped
                .Where(e => e.Value.Contains(t)).Select(e => EditDistance(key, e.Key)).DefaultIfEmpty(int.MaxValue).Min()))
            .OrderBy(x => x.Distance).ThenBy(x => x.Order)
            .Take(MaxSuggestions)
            .Select(x => x.Tenant)
            .ToList();

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1),
                                      previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
