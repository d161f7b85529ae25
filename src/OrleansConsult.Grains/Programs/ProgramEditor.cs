using System.Text.Json.Nodes;
using OrleansConsult.Abstractions;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Programs;

/// <summary>
/// Edits the program at run time: takes a change (the whole program, a tenant or pool, some of its
/// settings, a staff member), checks the result with the file loader's own rules, saves it as the next
/// version with its author and its audit entry (one transaction) and puts it in use on every silo. A refused
/// edit changes nothing and says why in Japanese. Scope (who may edit which tenant) is the caller's.
/// </summary>
public sealed class ProgramEditor(IProgramVersionStore store, IProgramPublisher publisher, IProgramChangeAudit audit, TimeProvider time)
{
    // A section edit that lost the race for its version number is applied again to the newer version.
    private const int Attempts = 3;

    public Task<ProgramVersion?> CurrentAsync(CancellationToken cancellationToken = default) => store.CurrentAsync(cancellationToken);

    public Task<IReadOnlyList<ProgramVersionSummary>> HistoryAsync(int limit = 100, CancellationToken cancellationToken = default) =>
        store.ListAsync(limit, cancellationToken);

    /// <summary>The version in use as a program file (the same shape the Host imports).</summary>
    public async Task<string?> ExportAsync(CancellationToken cancellationToken = default) =>
        (await store.CurrentAsync(cancellationToken))?.Json;

    /// <summary>What changed from version <paramref name="from"/> to <paramref name="to"/>, line by line (both shown in the same layout).</summary>
    public async Task<IReadOnlyList<DiffLine>?> DiffAsync(int from, int to, CancellationToken cancellationToken = default)
    {
        var a = await store.GetAsync(from, cancellationToken);
        var b = await store.GetAsync(to, cancellationToken);
        return a is null || b is null ? null : LineDiff.Compare(ProgramDocument.Parse(a.Json).ToJson(), ProgramDocument.Parse(b.Json).ToJson());
    }

    /// <summary>Replaces the whole program with <paramref name="json"/> (kept as typed, comments included).</summary>
    public async Task<ProgramEditResult> ReplaceAsync(string json, ProgramEditContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Check(json) is { } refused)
        {
            return refused;
        }
        return await SaveAsync(context, "プログラム全体", _ => json, ShowWhole, cancellationToken);
    }

    /// <summary>Saves an old version's program again as the newest one.</summary>
    public async Task<ProgramEditResult> RestoreAsync(int number, ProgramEditContext context, CancellationToken cancellationToken = default)
    {
        var old = await store.GetAsync(number, cancellationToken);
        if (old is null)
        {
            return ProgramEditResult.Refuse($"版 {number} はありません。");
        }
        return await SaveAsync(context with { Comment = context.Comment ?? $"版 {number} に戻す" }, $"版 {number} に戻す", _ => old.Json, ShowWhole, cancellationToken);
    }

    /// <summary>Adds or replaces one tenant's section (typed as JSON).</summary>
    public Task<ProgramEditResult> ReplaceTenantAsync(string tenantId, string sectionJson, ProgramEditContext context, CancellationToken cancellationToken = default) =>
        ReplaceSectionAsync($"Tenants:{tenantId}", $"tenant:{tenantId}", sectionJson, doc => doc.Tenant(tenantId), (doc, s) => doc.PutTenant(tenantId, s), context, cancellationToken);

    /// <summary>Adds or replaces one nurse pool's section (typed as JSON).</summary>
    public Task<ProgramEditResult> ReplacePoolAsync(string poolId, string sectionJson, ProgramEditContext context, CancellationToken cancellationToken = default) =>
        ReplaceSectionAsync($"NursePools:{poolId}", $"pool:{poolId}", sectionJson, doc => doc.Pool(poolId), (doc, s) => doc.PutPool(poolId, s), context, cancellationToken);

    /// <summary>
    /// Sets some settings of a tenant (tenant:{id}) or nurse pool (pool:{id}), e.g. "Hours" or "Phones" from a
    /// form; a null value removes the setting (its default applies).
    /// </summary>
    public Task<ProgramEditResult> SetAsync(string dispatcherKey, IReadOnlyDictionary<string, JsonNode?> settings, ProgramEditContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return EditAsync(context, Subject(dispatcherKey, string.Join("・", settings.Keys.Select(k => ProgramErrorsInJapanese.Path(k)))),
            doc => doc.Owner(dispatcherKey)?.Owner,
            doc =>
            {
                if (doc.Owner(dispatcherKey) is not var (owner, _))
                {
                    return $"{dispatcherKey} はありません。";
                }
                foreach (var (key, value) in settings)
                {
                    ProgramDocument.Put(owner, key, value?.DeepClone());
                }
                return null;
            }, cancellationToken, _ => dispatcherKey);
    }

    /// <summary>
    /// Sets settings of the whole program (e.g. "CrisisWords", "EmergencyContacts" from a form); a null value
    /// removes the setting (the built-in default applies).
    /// </summary>
    public Task<ProgramEditResult> SetNationalAsync(IReadOnlyDictionary<string, JsonNode?> settings, ProgramEditContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return EditAsync(context, "全国共通の" + string.Join("・", settings.Keys.Select(k => ProgramErrorsInJapanese.Path(k))),
            doc => new JsonObject(settings.Keys.Select(k => KeyValuePair.Create(k, ProgramDocument.Child(doc.Program, k)?.DeepClone()))),
            doc =>
            {
                foreach (var (key, value) in settings)
                {
                    ProgramDocument.Put(doc.Program, key, value?.DeepClone());
                }
                return null;
            }, cancellationToken);
    }

    /// <summary>Adds a new tenant (refused if the id is taken); the loader's rules check the rest.</summary>
    public Task<ProgramEditResult> AddTenantAsync(string tenantId, JsonObject section, ProgramEditContext context, CancellationToken cancellationToken = default) =>
        AddOwnerAsync("自治体", tenantId, section, doc => doc.Tenant(tenantId), (doc, s) => doc.PutTenant(tenantId, s), context, cancellationToken);

    /// <summary>Adds a new nurse pool (refused if the id is taken); the loader's rules check the rest.</summary>
    public Task<ProgramEditResult> AddPoolAsync(string poolId, JsonObject section, ProgramEditContext context, CancellationToken cancellationToken = default) =>
        AddOwnerAsync("看護師プール", poolId, section, doc => doc.Pool(poolId), (doc, s) => doc.PutPool(poolId, s), context, cancellationToken);

    private Task<ProgramEditResult> AddOwnerAsync(string kind, string id, JsonObject section, Func<ProgramDocument, JsonObject?> find,
        Action<ProgramDocument, JsonObject> put, ProgramEditContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(section);
        id = (id ?? "").Trim();
        if (id.Length == 0)
        {
            return Task.FromResult(ProgramEditResult.Refuse($"{kind}のIDを入力してください。"));
        }
        return EditAsync(context, $"{kind}「{id}」の追加", find, doc =>
        {
            if (find(doc) is not null)
            {
                return $"{kind}のID「{id}」はすでにあります。別のIDにしてください。";
            }
            put(doc, (JsonObject)section.DeepClone());
            return null;
        }, cancellationToken);
    }

    /// <summary>Adds a staff member to the roster of a tenant or pool, or edits her there (keeping her other keys).</summary>
    public Task<ProgramEditResult> SaveStaffAsync(string dispatcherKey, string staffId, StaffEntry entry, ProgramEditContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return EditAsync(context, $"職員「{staffId}」", doc => doc.FindStaff(staffId)?.Member, doc =>
        {
            var found = doc.FindStaff(staffId);
            if (found is { } f && !f.DispatcherKey.Equals(dispatcherKey, StringComparison.OrdinalIgnoreCase))
            {
                return context.Scoped
                    ? $"職員ID「{staffId}」はほかの名簿ですでに使われています。別のIDにしてください。"
                    : $"職員ID「{staffId}」はすでに {f.DispatcherKey} の名簿にあります。別の所属へは「異動」で移してください。";
            }
            var member = (JsonObject?)found?.Member.DeepClone() ?? [];
            ProgramDocument.Put(member, "DisplayName", entry.DisplayName);
            ProgramDocument.Put(member, "Role", entry.Role);
            ProgramDocument.Put(member, "MaxConcurrentCases", entry.MaxConcurrentCases);
            ProgramDocument.Put(member, "Active", entry.Active);
            return doc.PutStaff(dispatcherKey, staffId, member) ? null : $"{dispatcherKey} はありません。";
        }, cancellationToken, _ => dispatcherKey);
    }

    /// <summary>Makes a staff member active or inactive (inactive: on the roster, no offers) at once on every silo.</summary>
    public Task<ProgramEditResult> SetStaffActiveAsync(string staffId, bool active, ProgramEditContext context, CancellationToken cancellationToken = default) =>
        EditAsync(context, $"職員「{staffId}」の{(active ? "有効化" : "無効化")}", doc => doc.FindStaff(staffId)?.Member, doc =>
        {
            if (doc.FindStaff(staffId) is not var (_, member))
            {
                return $"職員「{staffId}」は名簿にいません。";
            }
            ProgramDocument.Put(member, "Active", active);
            return null;
        }, cancellationToken, doc => doc.FindStaff(staffId)?.DispatcherKey);

    /// <summary>Moves a staff member to another tenant's or pool's roster (same id, so her LINE binding stays).</summary>
    public Task<ProgramEditResult> MoveStaffAsync(string staffId, string toDispatcherKey, ProgramEditContext context, CancellationToken cancellationToken = default) =>
        EditAsync(context, $"職員「{staffId}」の異動",
            doc => doc.FindStaff(staffId) is var (key, member) ? new JsonObject { ["所属"] = key, ["職員"] = member.DeepClone() } : null,
            doc =>
            {
                if (doc.Owner(toDispatcherKey) is null)
                {
                    return $"異動先 {toDispatcherKey} はありません。";
                }
                var member = doc.RemoveStaff(staffId);
                if (member is null)
                {
                    return $"職員「{staffId}」は名簿にいません。";
                }
                doc.PutStaff(toDispatcherKey, staffId, member);
                return null;
            }, cancellationToken, doc => doc.FindStaff(staffId)?.DispatcherKey);

    private Task<ProgramEditResult> ReplaceSectionAsync(string path, string dispatcherKey, string sectionJson, Func<ProgramDocument, JsonNode?> view,
        Action<ProgramDocument, JsonObject> put, ProgramEditContext context, CancellationToken cancellationToken)
    {
        JsonObject section;
        try
        {
            section = ProgramDocument.ParseSection(sectionJson, $"{ProgramConfigurationLoader.SectionName}:{path}");
        }
        catch (ProgramConfigurationException e)
        {
            return Task.FromResult(new ProgramEditResult(null, ProgramErrorsInJapanese.Translate(e.Errors)));
        }
        return EditAsync(context, ProgramErrorsInJapanese.Path(path), view, doc =>
        {
            put(doc, (JsonObject)section.DeepClone());
            return null;
        }, cancellationToken, _ => dispatcherKey);
    }

    /// <summary>Applies <paramref name="change"/> (which returns a refusal, or null) to the newest version and saves the result.</summary>
    private Task<ProgramEditResult> EditAsync(ProgramEditContext context, string subject, Func<ProgramDocument, JsonNode?> view,
        Func<ProgramDocument, string?> change, CancellationToken cancellationToken, Func<ProgramDocument, string?>? owner = null)
    {
        string? refusal = null;
        return SaveAsync(context, subject, current =>
        {
            var doc = ProgramDocument.Parse(current.Json);
            refusal = change(doc);
            return refusal is null ? doc.ToJson() : null;
        }, doc => ProgramDocument.Show(view(doc)), cancellationToken, () => refusal, owner);
    }

    private async Task<ProgramEditResult> SaveAsync(ProgramEditContext context, string subject, Func<ProgramVersion, string?> next,
        Func<ProgramDocument, string> show, CancellationToken cancellationToken, Func<string?>? refusal = null, Func<ProgramDocument, string?>? owner = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(context.Author))
        {
            return ProgramEditResult.Refuse("変更した人が分かりません。サインインし直してください。");
        }
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await store.CurrentAsync(cancellationToken);
            if (current is null)
            {
                return ProgramEditResult.Refuse("保存されたプログラムがまだありません（起動時にプログラムファイルから取り込まれます）。");
            }
            if (context.BasedOn is { } basedOn && basedOn != current.Number)
            {
                return ProgramEditResult.Refuse($"編集中に別の変更（版 {current.Number}）が保存されました。画面を読み込み直して、もう一度変更してください。");
            }
            var json = next(current);
            if (json is null)
            {
                return ProgramEditResult.Refuse(refusal?.Invoke() ?? "変更できませんでした。");
            }
            if (Check(json, context.Scoped) is { } refused)
            {
                return refused;
            }
            var before = ProgramDocument.Parse(current.Json);
            var after = ProgramDocument.Parse(json);
            if (before.ToJson() == after.ToJson())
            {
                return ProgramEditResult.Unchanged;
            }
            var version = new ProgramVersion(current.Number + 1, json, context.Author, time.GetUtcNow(), Trim(context.Comment));
            var change = new ProgramChange(version.Number, context.Author, subject, show(before), show(after), version.Comment, owner?.Invoke(before));
            // The version and its audit row are one transaction: no change lands unaudited.
            if (!await store.AddAsync(version, (transaction, ct) => audit.RecordAsync(change, transaction, ct), cancellationToken))
            {
                if (context.BasedOn is not null)
                {
                    return ProgramEditResult.Refuse($"同時に別の変更（版 {version.Number}）が保存されました。画面を読み込み直して、もう一度変更してください。");
                }
                continue;
            }
            await publisher.PublishAsync(version);
            return new ProgramEditResult(version.Number, []);
        }
        return ProgramEditResult.Refuse("他の変更と重なり、保存できませんでした。もう一度お試しください。");
    }

    /// <summary>The loader's verdict on a whole program: null when it loads, else every reason in Japanese.</summary>
    private static ProgramEditResult? Check(string json, bool scoped = false)
    {
        try
        {
            ProgramConfigurationLoader.FromJson(json);
            return null;
        }
        catch (ProgramConfigurationException e)
        {
            return new ProgramEditResult(null, ProgramErrorsInJapanese.Translate(e.Errors, hideOtherPlaces: scoped));
        }
    }

    private static string ShowWhole(ProgramDocument doc) => doc.ToJson();

    private static string Subject(string dispatcherKey, string what)
    {
        var (kind, id) = ProgramDocument.SplitKey(dispatcherKey);
        return $"{(kind == "pool" ? "看護師プール" : "自治体")}「{id}」の{what}";
    }

    private static string? Trim(string? comment) => string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
}
