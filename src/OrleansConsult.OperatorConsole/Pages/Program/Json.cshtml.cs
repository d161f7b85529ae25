using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.Grains.Programs;
using OrleansConsult.OperatorConsole.Access;

namespace OrleansConsult.OperatorConsole.Pages.Program;

/// <summary>
/// The whole program as JSON (全国管理者): for rarely edited parts (a new tenant, crisis words, emergency
/// contacts). Checked with the loader's rules; refused if another version was saved meanwhile.
/// </summary>
[Authorize(Policy = ConsolePolicies.National)]
public sealed class JsonModel(ProgramEditor editor) : PageModel
{
    [BindProperty] public string? ProgramJson { get; set; }
    [BindProperty] public int BasedOn { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData] public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var current = await editor.CurrentAsync(HttpContext.RequestAborted);
        if (current is null)
        {
            return NotFound();
        }
        ProgramJson = current.Json;
        BasedOn = current.Number;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await editor.ReplaceAsync(ProgramJson ?? "", new ProgramEditContext(ConsoleClaims.Actor(User), Comment, BasedOn), HttpContext.RequestAborted);
        if (result.Refused)
        {
            Errors = result.Errors;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Notice = result.Saved ? $"版 {result.Version} として保存しました。すべてのサーバーで使われています。" : "変更はありませんでした。";
        return RedirectToPage();
    }
}
