using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.Grains.Board;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Audit;
using OrleansConsult.OperatorConsole.Board;

namespace OrleansConsult.OperatorConsole.Pages.Board;

/// <summary>
/// Staff presence of one tenant or pool: each person of its roster, her status, open cases and offers (tags
/// only); a supervisor or admin ends a forgotten shift (退勤) and she gets a LINE notice. Audited.
/// </summary>
public sealed class StaffModel(BoardScope scope, StaffPresenceService staff, ProgramDirectory directory, IAuditLog audit, EngineClock time)
    : PageModel
{
    public string Owner { get; private set; } = "";

    public string Name { get; private set; } = "";

    public IReadOnlyList<StaffPresenceRow> Rows { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string owner)
    {
        if (scope.DispatcherKey(User, owner) is not { } key)
        {
            return NotFound();
        }
        Owner = owner;
        Name = directory.FindDispatcher(key)?.Name ?? owner;
        Now = time.GetUtcNow();
        Rows = await staff.ListAsync(key);
        return Page();
    }

    public async Task<IActionResult> OnPostEndShiftAsync(string owner, string staffId)
    {
        if (scope.DispatcherKey(User, owner) is not { } key)
        {
            return NotFound();
        }
        var result = await staff.EndShiftAsync(key, staffId ?? "", Guid.NewGuid().ToString("N"));
        var name = directory.Staff(staffId ?? "")?.DisplayName;
        switch (result.Outcome)
        {
            case ShiftEndOutcome.NotFound:
                return NotFound();
            case ShiftEndOutcome.Ended:
                await audit.AppendAsync(new AuditEntry(ConsoleClaims.Actor(User), BoardAuditActions.ShiftEnded, owner, staffId,
                    JsonSerializer.Serialize(new { presence = result.Before?.ToString() }),
                    JsonSerializer.Serialize(new { presence = nameof(Abstractions.Presence.OffShift) })));
                Notice = $"{name} さんを退勤にしました。LINE でお知らせしました。";
                break;
            default:
                Notice = $"{name} さんはすでに退勤しています。";
                break;
        }
        return RedirectToPage(new { owner });
    }
}
