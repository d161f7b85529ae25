using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Board;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.OperatorConsole.Board;

namespace OrleansConsult.OperatorConsole.Pages.Board;

/// <summary>
/// The live board: every tenant and pool in the person's scope (/Board), or one (/Board/{owner}). The page is
/// rendered whole once; the board part (?handler=Fragment) is fetched again each time /api/board/events says
/// something changed. Boards with urgent cases come first.
/// </summary>
public sealed class IndexModel(BoardScope scope, BoardFeed feed, EngineClock time) : PageModel
{
    public IReadOnlyList<DispatcherBoard> Boards { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    /// <summary>The tenant or pool in the route, or null for all in scope.</summary>
    public string? Owner { get; private set; }

    public string EventsUrl => Owner is null ? "/api/board/events" : $"/api/board/{Uri.EscapeDataString(Owner)}/events";

    public string FragmentUrl => (Owner is null ? "/Board" : $"/Board/{Uri.EscapeDataString(Owner)}") + "?handler=Fragment";

    /// <summary>Boards worth a detailed section: one asked for by name, or any with a queue, a chat or someone on shift.</summary>
    public IEnumerable<DispatcherBoard> Detailed =>
        Owner is not null ? Boards : Boards.Where(b => b.Cases.Count > 0 || b.Staff.Count > 0 || b.InChat > 0);

    public int UrgentTotal => Boards.Sum(b => b.UrgentWaiting);

    public async Task<IActionResult> OnGetAsync(string? owner) => await LoadAsync(owner) ? Page() : NotFound();

    public async Task<IActionResult> OnGetFragmentAsync(string? owner) => await LoadAsync(owner) ? Partial("_BoardFragment", this) : NotFound();

    public static string OwnerOf(DispatcherBoard board) => BoardScope.OwnerOf(board.Key);

    private async Task<bool> LoadAsync(string? owner)
    {
        IReadOnlyList<string> keys;
        if (owner is null)
        {
            keys = scope.DispatcherKeys(User);
        }
        else if (scope.DispatcherKey(User, owner) is { } key)
        {
            keys = [key];
        }
        else
        {
            return false;
        }
        Owner = owner;
        Now = time.GetUtcNow();
        // Urgent first (a stable sort: otherwise the program's order, tenants before pools).
        Boards = (await feed.ReadAsync(keys)).OrderByDescending(b => b.UrgentWaiting > 0).ToList();
        return true;
    }
}
