using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OrleansConsult.Grains.Programs;
using OrleansConsult.OperatorConsole.ProgramEditing;
using OrleansConsult.OperatorConsole.Access;

namespace OrleansConsult.OperatorConsole.Pages.Program;

/// <summary>One nurse pool's program: name, the tenants it covers, hours, phones, offer timing, its nurses.</summary>
public sealed class PoolModel(ProgramEditor editor, IConsoleAccess access) : ProgramOwnerPageModel(editor, access)
{
    [BindProperty(SupportsGet = true)]
    public string Pool { get; set; } = "";

    public override string Key => $"pool:{Pool}";

    protected override bool ClosedByDefault => false;

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? TenantsText { get; set; }
    [BindProperty] public string? OfferTimeout { get; set; }
    [BindProperty] public string? OfferRetryPause { get; set; }

    protected override JsonObject? Find(ProgramDocument document) => document.Pool(Pool);

    protected override Task<ProgramEditResult> SaveSectionAsync(string json, ProgramEditContext context) =>
        Editor.ReplacePoolAsync(Pool, json, context);

    public Task<IActionResult> OnPostContactAsync()
    {
        var errors = new List<string>();
        var tenants = ProgramFormText.ParseLines(TenantsText);
        var settings = new Dictionary<string, JsonNode?>
        {
            ["Name"] = ProgramFormText.Optional(Name),
            // "all" covers every tenant; otherwise one tenant id a line.
            ["Tenants"] = tenants.Count == 1 && string.Equals(tenants[0]!.ToString(), "all", StringComparison.OrdinalIgnoreCase) ? "all" : tenants,
            ["Phones"] = ProgramFormText.ParsePhones(PhonesText, "電話番号", errors),
            ["OfferTimeout"] = ProgramFormText.Optional(OfferTimeout),
            ["OfferRetryPause"] = ProgramFormText.Optional(OfferRetryPause),
        };
        return SaveAsync(errors, c => Editor.SetAsync(Key, settings, c), "プールの設定を保存しました");
    }

    protected override void Fill(JsonObject section, bool flags)
    {
        base.Fill(section, flags);
        string Value(string key) => ProgramFormText.Value(ProgramDocument.Child(section, key));
        Name ??= Value("Name");
        TenantsText ??= ProgramDocument.Child(section, "Tenants") is JsonValue all ? all.ToString() : ProgramFormText.Lines(ProgramDocument.Child(section, "Tenants"));
        OfferTimeout ??= Value("OfferTimeout");
        OfferRetryPause ??= Value("OfferRetryPause");
    }
}
