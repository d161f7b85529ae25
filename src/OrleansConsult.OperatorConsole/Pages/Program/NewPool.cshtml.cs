using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OrleansConsult.Grains.Programs;
using OrleansConsult.OperatorConsole.ProgramEditing;

namespace OrleansConsult.OperatorConsole.Pages.Program;

/// <summary>
/// 看護師プールを追加: id, name, the tenants it covers, hours and phones as a form, checked by the loader's
/// rules. Nurses are added on the new pool's own page afterwards; tenants choose it as their overflow there.
/// </summary>
public sealed class NewPoolModel(ProgramEditor editor) : NationalFormPageModel(editor)
{
    [BindProperty] public string? PoolId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? TenantsText { get; set; }
    [BindProperty] public string? HoursText { get; set; }
    [BindProperty] public string? PhonesText { get; set; }

    protected override void Fill(ProgramDocument document) => TenantsText ??= "all";

    public Task<IActionResult> OnPostAsync()
    {
        var errors = new List<string>();
        var id = PoolId?.Trim() ?? "";
        var tenants = ProgramFormText.ParseLines(TenantsText);
        var section = new JsonObject
        {
            ["Name"] = ProgramFormText.Optional(Name),
            // "all" covers every tenant; otherwise one tenant id a line.
            ["Tenants"] = tenants.Count == 1 && string.Equals(tenants[0]!.ToString(), "all", StringComparison.OrdinalIgnoreCase) ? "all" : tenants,
            ["Hours"] = ProgramFormText.ParseHours(HoursText, "受付時間", errors),
            ["Phones"] = ProgramFormText.ParsePhones(PhonesText, "電話番号", errors),
            ["Nurses"] = new JsonObject(),
        };
        if (section["Name"] is null)
        {
            section.Remove("Name"); // missing: the loader names it as required, in Japanese
        }
        return SaveAsync(errors, c => Editor.AddPoolAsync(id, section, c), $"看護師プール「{id}」を追加しました",
            () => RedirectToPage("/Program/Pool", new { pool = id }));
    }
}
