using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Programs;

/// <summary>
/// A program version as editable JSON in the program file's shape ({"Program": {...}}): the console
/// changes one tenant, pool, field or staff member in it and saves the whole as the next version, so
/// what is stored and exported is always what the file loader reads. Keys are found regardless of case,
/// as the loader (IConfiguration) finds them.
/// </summary>
public sealed class ProgramDocument
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Japanese names and answers stay readable in exports and diffs.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly JsonObject _root;

    private ProgramDocument(JsonObject root) => _root = root;

    /// <summary>The inner Program object.</summary>
    public JsonObject Program => (JsonObject)Child(_root, ProgramConfigurationLoader.SectionName)!;

    /// <summary>Reads program JSON (wrapped or the inner object); throws <see cref="ProgramConfigurationException"/> when it is not a JSON object.</summary>
    public static ProgramDocument Parse(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ProgramConfigurationException([$"{ProgramConfigurationLoader.SectionName} is not valid JSON: {e.Message}"]);
        }
        if (node is not JsonObject obj)
        {
            throw new ProgramConfigurationException([$"{ProgramConfigurationLoader.SectionName} must be a JSON object"]);
        }
        if (Child(obj, ProgramConfigurationLoader.SectionName) is JsonObject)
        {
            return new ProgramDocument(obj);
        }
        return new ProgramDocument(new JsonObject { [ProgramConfigurationLoader.SectionName] = obj });
    }

    /// <summary>Reads a section (a tenant, a pool, a staff member) typed in the console; throws <see cref="ProgramConfigurationException"/> with its path when it is not a JSON object.</summary>
    public static JsonObject ParseSection(string json, string path)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new ProgramConfigurationException([$"{path} must be a JSON object"]);
        }
        catch (JsonException e)
        {
            throw new ProgramConfigurationException([$"{path} is not valid JSON: {e.Message}"]);
        }
    }

    public string ToJson() => _root.ToJsonString(Indented);

    /// <summary>Pretty JSON of any part, for audit entries and section editors.</summary>
    public static string Show(JsonNode? node) => node?.ToJsonString(Indented) ?? "";

    public JsonObject? Tenant(string id) => Child(Section("Tenants"), id) as JsonObject;

    public JsonObject? Pool(string id) => Child(Section("NursePools"), id) as JsonObject;

    public void PutTenant(string id, JsonObject? tenant) => Put(Section("Tenants"), id, tenant);

    public void PutPool(string id, JsonObject? pool) => Put(Section("NursePools"), id, pool);

    /// <summary>The tenant (tenant:{id}) or nurse pool (pool:{id}) a dispatcher key names, and its roster's key.</summary>
    public (JsonObject Owner, string RosterKey)? Owner(string dispatcherKey)
    {
        var (kind, id) = SplitKey(dispatcherKey);
        return kind switch
        {
            "tenant" when Tenant(id) is { } tenant => (tenant, "Counselors"),
            "pool" when Pool(id) is { } pool => (pool, "Nurses"),
            _ => null,
        };
    }

    /// <summary>A staff member's entry and the dispatcher key of the roster she is on.</summary>
    public (string DispatcherKey, JsonObject Member)? FindStaff(string staffId)
    {
        foreach (var (kind, section, roster) in new[] { ("tenant", "Tenants", "Counselors"), ("pool", "NursePools", "Nurses") })
        {
            foreach (var (ownerId, owner) in Section(section))
            {
                if (owner is JsonObject o && Child(o, roster) is JsonObject members && Child(members, staffId) is JsonObject member)
                {
                    return ($"{kind}:{ownerId}", member);
                }
            }
        }
        return null;
    }

    /// <summary>Adds or replaces a staff member on the roster of <paramref name="dispatcherKey"/>; false when no such tenant or pool.</summary>
    public bool PutStaff(string dispatcherKey, string staffId, JsonObject member)
    {
        if (Owner(dispatcherKey) is not var (owner, rosterKey))
        {
            return false;
        }
        if (Child(owner, rosterKey) is not JsonObject roster)
        {
            roster = [];
            Put(owner, rosterKey, roster);
        }
        Put(roster, staffId, member);
        return true;
    }

    /// <summary>Takes a staff member off whichever roster she is on; returns her entry, or null when she is on none.</summary>
    public JsonObject? RemoveStaff(string staffId)
    {
        if (FindStaff(staffId) is not var (key, member) || Owner(key) is not var (owner, rosterKey))
        {
            return null;
        }
        Put((JsonObject)Child(owner, rosterKey)!, staffId, null);
        return member;
    }

    public static (string Kind, string Id) SplitKey(string dispatcherKey)
    {
        var colon = dispatcherKey.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? ("", dispatcherKey) : (dispatcherKey[..colon], dispatcherKey[(colon + 1)..]);
    }

    /// <summary>Sets (or, with null, removes) a key, replacing a key of another case so the loader never sees two.</summary>
    public static void Put(JsonObject parent, string key, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var existing = parent.Select(p => p.Key).FirstOrDefault(k => k.Equals(key, StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
        {
            if (value is null)
            {
                parent.Remove(existing);
                return;
            }
            parent[existing] = value.Parent is null ? value : value.DeepClone();
            return;
        }
        if (value is not null)
        {
            parent[key] = value.Parent is null ? value : value.DeepClone();
        }
    }

    public static JsonNode? Child(JsonObject parent, string key)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return parent.FirstOrDefault(p => p.Key.Equals(key, StringComparison.OrdinalIgnoreCase)).Value;
    }

    private JsonObject Section(string key)
    {
        if (Child(Program, key) is JsonObject section)
        {
            return section;
        }
        section = [];
        Put(Program, key, section);
        return section;
    }
}
