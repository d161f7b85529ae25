using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Programs;
using OrleansConsult.OperatorConsole.ProgramEditing;
using OrleansConsult.OperatorConsole.Access;

namespace OrleansConsult.OperatorConsole.Pages.Program;

/// <summary>One tenant's program: hours, contacts and FAQ, canned replies (定型文), hand-over and timeouts, roster, its LINE entry link and QR code.</summary>
public sealed class TenantModel(ProgramEditor editor, IConsoleAccess access, ProgramDirectory directory, EntryLinks links) : ProgramOwnerPageModel(editor, access)
{
    [BindProperty(SupportsGet = true)]
    public string Tenant { get; set; } = "";

    public override string Key => $"tenant:{Tenant}";

    protected override bool ClosedByDefault => true;

    public EntryLinks Links => links;

    /// <summary>The entry link of the tenant as in use (null until the consultee account's basic id is configured).</summary>
    public string? EntryLink => directory.Tenant(Tenant) is { } t ? links.For(t) : null;

    /// <summary>The national 定型文 titles in use, offered after the tenant's own.</summary>
    public IEnumerable<string> NationalCannedTitles => directory.Program.CannedReplies.Select(c => c.Title);

    public IEnumerable<string> Pools => directory.Program.NursePools.Select(p => p.Id);

    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? EntryCode { get; set; }
    [BindProperty] public string? AreasText { get; set; }
    [BindProperty] public string? FaqText { get; set; }
    [BindProperty] public string? CannedRepliesText { get; set; }
    [BindProperty] public string? OverflowTo { get; set; }
    [BindProperty] public string? MaxWaitBeforeOverflow { get; set; }
    [BindProperty] public string? OfferTimeout { get; set; }
    [BindProperty] public string? OfferRetryPause { get; set; }
    [BindProperty] public string? IdleWarnAfter { get; set; }
    [BindProperty] public string? IdleCloseAfter { get; set; }
    [BindProperty] public string? ReturningConsulteeWindow { get; set; }
    [BindProperty] public string? RetentionYears { get; set; }

    public static readonly IReadOnlyList<(string Key, string Label, string Hint)> Timings =
    [
        ("MaxWaitBeforeOverflow", "引き継ぐまでの待ち時間", "既定 00:03:00"),
        ("OfferTimeout", "打診の応答待ち時間", "既定 00:01:00"),
        ("OfferRetryPause", "同じ人への再打診までの間隔", "既定 00:01:00"),
        ("IdleWarnAfter", "無応答の確認まで", "既定 00:30:00"),
        ("IdleCloseAfter", "無応答で終了まで", "既定 01:00:00"),
        ("ReturningConsulteeWindow", "再相談とみなす期間", "既定 30.00:00:00（30日）"),
    ];

    public string? TimingValue(string key) => key switch
    {
        "MaxWaitBeforeOverflow" => MaxWaitBeforeOverflow,
        "OfferTimeout" => OfferTimeout,
        "OfferRetryPause" => OfferRetryPause,
        "IdleWarnAfter" => IdleWarnAfter,
        "IdleCloseAfter" => IdleCloseAfter,
        _ => ReturningConsulteeWindow,
    };

    protected override JsonObject? Find(ProgramDocument document) => document.Tenant(Tenant);

    protected override Task<ProgramEditResult> SaveSectionAsync(string json, ProgramEditContext context) =>
        Editor.ReplaceTenantAsync(Tenant, json, context);

    public Task<IActionResult> OnPostContactAsync()
    {
        var errors = new List<string>();
        var settings = new Dictionary<string, JsonNode?>
        {
            ["DisplayName"] = ProgramFormText.Optional(DisplayName),
            ["EntryCode"] = ProgramFormText.Optional(EntryCode),
            ["Areas"] = ProgramFormText.ParseAreas(AreasText, "地域", errors),
            ["Phones"] = ProgramFormText.ParsePhones(PhonesText, "電話番号", errors),
            ["Faq"] = ProgramFormText.ParseFaq(FaqText, "よくある質問", errors),
        };
        return SaveAsync(errors, c => Editor.SetAsync(Key, settings, c), "窓口と案内を保存しました");
    }

    /// <summary>The tenant's 定型文; left empty, her counselors use the national ones only.</summary>
    public Task<IActionResult> OnPostCannedAsync()
    {
        var errors = new List<string>();
        var replies = ProgramFormText.ParseCannedReplies(CannedRepliesText, "定型文", errors);
        var settings = new Dictionary<string, JsonNode?> { ["CannedReplies"] = replies.Count == 0 ? null : replies };
        return SaveAsync(errors, c => Editor.SetAsync(Key, settings, c), "定型文を保存しました");
    }

    public Task<IActionResult> OnPostTimingAsync()
    {
        var settings = new Dictionary<string, JsonNode?>
        {
            ["OverflowTo"] = ProgramFormText.Optional(OverflowTo),
            ["MaxWaitBeforeOverflow"] = ProgramFormText.Optional(MaxWaitBeforeOverflow),
            ["OfferTimeout"] = ProgramFormText.Optional(OfferTimeout),
            ["OfferRetryPause"] = ProgramFormText.Optional(OfferRetryPause),
            ["IdleWarnAfter"] = ProgramFormText.Optional(IdleWarnAfter),
            ["IdleCloseAfter"] = ProgramFormText.Optional(IdleCloseAfter),
            ["ReturningConsulteeWindow"] = ProgramFormText.Optional(ReturningConsulteeWindow),
            ["RetentionYears"] = ProgramFormText.Optional(RetentionYears),
        };
        return SaveAsync([], c => Editor.SetAsync(Key, settings, c), "引き継ぎと時間の設定を保存しました");
    }

    protected override void Fill(JsonObject section, bool flags)
    {
        base.Fill(section, flags);
        string Value(string key) => ProgramFormText.Value(ProgramDocument.Child(section, key));
        DisplayName ??= Value("DisplayName");
        EntryCode ??= Value("EntryCode");
        AreasText ??= ProgramFormText.Areas(ProgramDocument.Child(section, "Areas"));
        FaqText ??= ProgramFormText.Faq(ProgramDocument.Child(section, "Faq"));
        CannedRepliesText ??= ProgramFormText.CannedReplies(ProgramDocument.Child(section, "CannedReplies"));
        OverflowTo ??= Value("OverflowTo");
        MaxWaitBeforeOverflow ??= Value("MaxWaitBeforeOverflow");
        OfferTimeout ??= Value("OfferTimeout");
        OfferRetryPause ??= Value("OfferRetryPause");
        IdleWarnAfter ??= Value("IdleWarnAfter");
        IdleCloseAfter ??= Value("IdleCloseAfter");
        ReturningConsulteeWindow ??= Value("ReturningConsulteeWindow");
        RetentionYears ??= Value("RetentionYears");
    }
}
