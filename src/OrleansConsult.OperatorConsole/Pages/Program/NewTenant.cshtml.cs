using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OrleansConsult.Grains.Programs;
using OrleansConsult.OperatorConsole.ProgramEditing;
using OrleansConsult.Tenancy;

namespace OrleansConsult.OperatorConsole.Pages.Program;

/// <summary>
/// 自治体を追加: id, name, kind, areas and aliases, entry code, hours, phones and overflow pool as a form;
/// the loader's rules (unique entry code and areas, a slug id, valid hours) decide, with the reasons in Japanese.
/// Counselors are added on the new tenant's own page afterwards.
/// </summary>
public sealed class NewTenantModel(ProgramEditor editor) : NationalFormPageModel(editor)
{
    public static readonly IReadOnlyList<(TenantKind Kind, string Label)> Kinds =
        [(TenantKind.Prefecture, "都道府県"), (TenantKind.DesignatedCity, "指定都市"), (TenantKind.CoreCity, "中核市")];

    public IReadOnlyList<string> Pools { get; private set; } = [];

    [BindProperty] public string? TenantId { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? EntryCode { get; set; }
    [BindProperty] public string? AreasText { get; set; }
    [BindProperty] public string? HoursText { get; set; }
    [BindProperty] public string? PhonesText { get; set; }
    [BindProperty] public string? OverflowTo { get; set; }

    protected override void Fill(ProgramDocument document) => Pools = PoolIds(document);

    public Task<IActionResult> OnPostAsync()
    {
        var errors = new List<string>();
        var id = TenantId?.Trim() ?? "";
        var section = new JsonObject
        {
            ["DisplayName"] = ProgramFormText.Optional(DisplayName),
            ["Kind"] = ProgramFormText.Optional(Kind),
            ["EntryCode"] = ProgramFormText.Optional(EntryCode),
            ["Areas"] = ProgramFormText.ParseAreas(AreasText, "地域", errors),
            ["Hours"] = ProgramFormText.ParseHours(HoursText, "受付時間", errors),
            ["Phones"] = ProgramFormText.ParsePhones(PhonesText, "電話番号", errors),
            ["OverflowTo"] = ProgramFormText.Optional(OverflowTo) ?? "none",
            ["Counselors"] = new JsonObject(),
        };
        foreach (var empty in section.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            section.Remove(empty); // missing: the loader names it as required, in Japanese
        }
        return SaveAsync(errors, c => Editor.AddTenantAsync(id, section, c), $"自治体「{id}」を追加しました",
            () => RedirectToPage("/Program/Tenant", new { tenant = id }));
    }

    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        // The pool list for the form, on a refusal as on the first view.
        if (await Editor.CurrentAsync(HttpContext.RequestAborted) is { } current)
        {
            Pools = PoolIds(ProgramDocument.Parse(current.Json));
        }
        await next();
    }

    private static List<string> PoolIds(ProgramDocument document) =>
        ProgramDocument.Child(document.Program, "NursePools") is JsonObject pools ? pools.Select(p => p.Key).ToList() : [];
}
