using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Programs;
using OrleansConsult.OperatorConsole.Access;

namespace OrleansConsult.OperatorConsole.Pages.Program;

/// <summary>The version history (全国管理者: versions span every tenant): list, compare two versions, restore one as a new version.</summary>
[Authorize(Policy = ConsolePolicies.National)]
public sealed class HistoryModel(ProgramEditor editor) : PageModel
{
    public IReadOnlyList<ProgramVersionSummary> Versions { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public int? From { get; set; }
    [BindProperty(SupportsGet = true)] public int? To { get; set; }
    [BindProperty] public int Restore { get; set; }

    public IReadOnlyList<DiffLine>? Diff { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        Versions = await editor.HistoryAsync(200, HttpContext.RequestAborted);
        if (Versions.Count > 0)
        {
            To ??= Versions[0].Number;
            From ??= Math.Max(1, To.Value - 1);
            Diff = await editor.DiffAsync(From.Value, To.Value, HttpContext.RequestAborted);
        }
    }

    public async Task<IActionResult> OnPostRestoreAsync()
    {
        var result = await editor.RestoreAsync(Restore, new ProgramEditContext(ConsoleClaims.Actor(User)), HttpContext.RequestAborted);
        if (result.Refused)
        {
            Errors = result.Errors;
            await OnGetAsync();
            return Page();
        }
        Notice = result.Saved ? $"版 {Restore} の内容を版 {result.Version} として保存しました。すべてのサーバーで使われています。" : "使用中の版と同じ内容です。";
        return RedirectToPage();
    }
}
