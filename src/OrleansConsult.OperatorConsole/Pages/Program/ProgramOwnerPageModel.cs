using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Programs;
using OrleansConsult.OperatorConsole.ProgramEditing;
using OrleansConsult.OperatorConsole.Access;

namespace OrleansConsult.OperatorConsole.Pages.Program;

/// <summary>
/// What the tenant and pool pages share: the version in use, the section being edited, the hours and
/// roster forms, and the JSON editor of the section. Every handler saves through <see cref="ProgramEditor"/>
/// (checks, version, audit entry, every silo); a refusal comes back with its reasons in Japanese.
/// </summary>
public abstract class ProgramOwnerPageModel(ProgramEditor editor, IConsoleAccess access) : PageModel
{
    protected ProgramEditor Editor => editor;

    protected IConsoleAccess Access => access;

    /// <summary>The dispatcher key of the tenant or pool (tenant:{id}, pool:{id}).</summary>
    public abstract string Key { get; }

    public ProgramVersion? Version { get; private set; }

    public JsonObject Section { get; private set; } = [];

    /// <summary>All tenants and pools this person administers (move targets).</summary>
    public IReadOnlyList<(string Key, string Name)> Owners { get; private set; } = [];

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    [BindProperty] public string? HoursText { get; set; }
    [BindProperty] public string? HolidayHoursText { get; set; }
    [BindProperty] public bool ClosedOnPublicHolidays { get; set; }
    [BindProperty] public bool ClosedYearEnd { get; set; }
    [BindProperty] public string? ClosedDaysText { get; set; }
    [BindProperty] public string? OpenDaysText { get; set; }
    [BindProperty] public string? PhonesText { get; set; }
    [BindProperty] public string? SectionJson { get; set; }
    [BindProperty] public string? Comment { get; set; }

    [BindProperty] public string? StaffId { get; set; }
    [BindProperty] public string? StaffName { get; set; }
    [BindProperty] public string? StaffRole { get; set; }
    [BindProperty] public int StaffMaxCases { get; set; } = 2;
    [BindProperty] public bool StaffActive { get; set; } = true;
    [BindProperty] public string? MoveTo { get; set; }

    protected abstract JsonObject? Find(ProgramDocument document);

    protected abstract Task<ProgramEditResult> SaveSectionAsync(string json, ProgramEditContext context);

    /// <summary>Defaults of a missing holiday setting: tenants close on holidays and at year end, pools do not.</summary>
    protected abstract bool ClosedByDefault { get; }

    public string RosterKey => Key.StartsWith("pool:", StringComparison.Ordinal) ? "Nurses" : "Counselors";

    public IEnumerable<(string Id, JsonObject Member)> Roster =>
        ProgramDocument.Child(Section, RosterKey) is JsonObject roster
            ? roster.Where(p => p.Value is JsonObject).Select(p => (p.Key, (JsonObject)p.Value!))
            : [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(fill: true) ? Page() : NotFound();

    public Task<IActionResult> OnPostHoursAsync()
    {
        var errors = new List<string>();
        var settings = new Dictionary<string, JsonNode?>
        {
            ["Hours"] = ProgramFormText.ParseHours(HoursText, "受付時間", errors),
            ["HolidayHours"] = ProgramFormText.ParseWindows(HolidayHoursText, "祝日・年末年始の受付時間", errors),
            ["ClosedOnPublicHolidays"] = ClosedOnPublicHolidays,
            ["ClosedYearEnd"] = ClosedYearEnd,
            ["ClosedDays"] = ProgramFormText.ParseLines(ClosedDaysText),
            ["OpenDays"] = ProgramFormText.ParseOpenDays(OpenDaysText, "臨時開設日", errors),
        };
        return SaveAsync(errors, c => Editor.SetAsync(Key, settings, c), "受付時間を保存しました");
    }

    public Task<IActionResult> OnPostSectionAsync() =>
        SaveAsync([], c => SaveSectionAsync(SectionJson ?? "", c), "設定（JSON）を保存しました");

    public Task<IActionResult> OnPostStaffSaveAsync()
    {
        var id = StaffId?.Trim() ?? "";
        var errors = new List<string>();
        if (id.Length == 0 || string.IsNullOrWhiteSpace(StaffName))
        {
            errors.Add("職員IDと表示名を入力してください。");
        }
        return SaveAsync(errors, c => Editor.SaveStaffAsync(Key, id, new StaffEntry(StaffName?.Trim() ?? "", StaffRole ?? "Counselor", StaffMaxCases, StaffActive), c),
            $"職員「{id}」を保存しました");
    }

    public async Task<IActionResult> OnPostStaffActiveAsync()
    {
        if (!await OnThisRosterAsync(StaffId))
        {
            return NotFound();
        }
        return await SaveAsync([], c => Editor.SetStaffActiveAsync(StaffId!, StaffActive, c),
            StaffActive ? $"職員「{StaffId}」を有効にしました" : $"職員「{StaffId}」を無効にしました（新しい相談は届きません）");
    }

    public async Task<IActionResult> OnPostStaffMoveAsync()
    {
        // Both ends must be hers to administer: a move takes staff from one roster and gives to another.
        if (!await OnThisRosterAsync(StaffId) || MoveTo is null || !Access.Administers(User, ScopeOf(MoveTo)))
        {
            return NotFound();
        }
        return await SaveAsync([], c => Editor.MoveStaffAsync(StaffId!, MoveTo, c), $"職員「{StaffId}」を異動しました");
    }

    /// <summary>Saves through the editor; on refusal shows the page again with the reasons and what was typed.</summary>
    protected async Task<IActionResult> SaveAsync(List<string> errors, Func<ProgramEditContext, Task<ProgramEditResult>> save, string done)
    {
        if (!await LoadAsync(fill: false))
        {
            return NotFound();
        }
        if (errors.Count == 0)
        {
            var scoped = Access.ScopeOf(User)?.Role != ConsoleRole.National;
            var result = await save(new ProgramEditContext(ConsoleClaims.Actor(User), string.IsNullOrWhiteSpace(Comment) ? null : Comment, Scoped: scoped));
            if (!result.Refused)
            {
                Notice = result.Saved ? $"{done}（版 {result.Version}）。すべてのサーバーで使われています。" : "変更はありませんでした。";
                return RedirectToPage();
            }
            errors.AddRange(result.Errors);
        }
        Errors = errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    protected static ScopeKey ScopeOf(string dispatcherKey)
    {
        var (kind, id) = ProgramDocument.SplitKey(dispatcherKey);
        return kind == "pool" ? ScopeKey.Pool(id) : ScopeKey.Tenant(id);
    }

    /// <summary>Reads the version in use; the forms show its values, except what was just posted (shown again as typed).</summary>
    private async Task<bool> LoadAsync(bool fill)
    {
        Version = await Editor.CurrentAsync(HttpContext.RequestAborted);
        if (Version is null)
        {
            return false;
        }
        var document = ProgramDocument.Parse(Version.Json);
        if (Find(document) is not { } section)
        {
            return false;
        }
        Section = section;
        Owners = Access.VisibleTenants(User).Where(t => Access.Administers(User, ScopeKey.Tenant(t.Id))).Select(t => (t.DispatcherKey, t.DisplayName))
            .Concat(Access.VisiblePools(User).Where(p => Access.Administers(User, ScopeKey.Pool(p.Id))).Select(p => (p.DispatcherKey, p.Name)))
            .ToList();
        Fill(section, flags: fill);
        return true;
    }

    /// <summary>Fills every form field not posted; the check boxes (which post nothing when cleared) only on a fresh page.</summary>
    protected virtual void Fill(JsonObject section, bool flags)
    {
        HoursText ??= ProgramFormText.Hours(ProgramDocument.Child(section, "Hours"));
        HolidayHoursText ??= ProgramFormText.Windows(ProgramDocument.Child(section, "HolidayHours"));
        if (flags)
        {
            ClosedOnPublicHolidays = ProgramFormText.Flag(ProgramDocument.Child(section, "ClosedOnPublicHolidays"), ClosedByDefault);
            ClosedYearEnd = ProgramFormText.Flag(ProgramDocument.Child(section, "ClosedYearEnd"), ClosedByDefault);
        }
        ClosedDaysText ??= ProgramFormText.Lines(ProgramDocument.Child(section, "ClosedDays"));
        OpenDaysText ??= ProgramFormText.OpenDays(ProgramDocument.Child(section, "OpenDays"));
        PhonesText ??= ProgramFormText.Phones(ProgramDocument.Child(section, "Phones"));
        SectionJson ??= ProgramDocument.Show(section);
    }

    private async Task<bool> OnThisRosterAsync(string? staffId)
    {
        if (string.IsNullOrWhiteSpace(staffId) || await Editor.CurrentAsync(HttpContext.RequestAborted) is not { } current)
        {
            return false;
        }
        return ProgramDocument.Parse(current.Json).FindStaff(staffId) is { } found && found.DispatcherKey.Equals(Key, StringComparison.OrdinalIgnoreCase);
    }
}
