using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using OrleansConsult.Grains.Programs;
using OrleansConsult.OperatorConsole.ProgramEditing;

namespace OrleansConsult.OperatorConsole.Pages.Program;

/// <summary>全国共通の設定: the crisis words and the emergency contacts the bot answers them with, as forms.</summary>
public sealed class NationalModel(ProgramEditor editor) : NationalFormPageModel(editor)
{
    [BindProperty] public string? CrisisWordsText { get; set; }
    [BindProperty] public string? EmergencyContactsText { get; set; }

    protected override void Fill(ProgramDocument document)
    {
        CrisisWordsText ??= ProgramFormText.Lines(ProgramDocument.Child(document.Program, "CrisisWords"));
        EmergencyContactsText ??= ProgramFormText.EmergencyContacts(ProgramDocument.Child(document.Program, "EmergencyContacts"));
    }

    /// <summary>One word a line; left empty, the built-in list applies.</summary>
    public Task<IActionResult> OnPostCrisisAsync()
    {
        var words = ProgramFormText.ParseLines(CrisisWordsText);
        return SaveAsync([], c => Editor.SetNationalAsync(new Dictionary<string, JsonNode?> { ["CrisisWords"] = words.Count == 0 ? null : words }, c),
            "危機ワードを保存しました");
    }

    /// <summary>One contact a line; left empty, the built-in contacts (119, 110, 189, #8000) apply.</summary>
    public Task<IActionResult> OnPostContactsAsync()
    {
        var errors = new List<string>();
        var contacts = ProgramFormText.ParseEmergencyContacts(EmergencyContactsText, "緊急連絡先", errors);
        return SaveAsync(errors, c => Editor.SetNationalAsync(new Dictionary<string, JsonNode?> { ["EmergencyContacts"] = contacts.Count == 0 ? null : contacts }, c),
            "緊急連絡先を保存しました");
    }
}
