using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Programs;
using OrleansConsult.OperatorConsole.Access;

namespace OrleansConsult.OperatorConsole.Pages.Program;

/// <summary>
/// What the 全国管理者's structured program forms share (national settings, a new tenant, a new pool): the
/// version in use, and saving through <see cref="ProgramEditor"/> (the loader's rules, a version, its audit
/// row in the same transaction, every silo); a refusal shows the page again with the reasons in Japanese.
/// </summary>
// Inherited by every form page: only the 全国管理者 reaches them.
[Authorize(Policy = ConsolePolicies.National)]
public abstract class NationalFormPageModel(ProgramEditor editor) : PageModel
{
    protected ProgramEditor Editor => editor;

    public ProgramVersion? Version { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    [BindProperty] public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        Fill(ProgramDocument.Parse(Version!.Json));
        return Page();
    }

    /// <summary>Fills the form from the version in use (a GET only: after a refusal the form keeps what was typed).</summary>
    protected abstract void Fill(ProgramDocument document);

    protected async Task<IActionResult> SaveAsync(List<string> errors, Func<ProgramEditContext, Task<ProgramEditResult>> save, string done, Func<IActionResult>? next = null)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        if (errors.Count == 0)
        {
            var result = await save(new ProgramEditContext(ConsoleClaims.Actor(User), string.IsNullOrWhiteSpace(Comment) ? null : Comment.Trim()));
            if (!result.Refused)
            {
                Notice = result.Saved ? $"{done}（版 {result.Version}）。すべてのサーバーで使われています。" : "変更はありませんでした。";
                return next?.Invoke() ?? RedirectToPage();
            }
            errors.AddRange(result.Errors);
        }
        Errors = errors;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        Version = await Editor.CurrentAsync(HttpContext.RequestAborted);
        return Version is not null;
    }
}
