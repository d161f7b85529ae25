using Microsoft.AspNetCore.Mvc;
using OrleansConsult.OperatorConsole.Access;

namespace OrleansConsult.OperatorConsole.Board;

/// <summary>The month's paid pushes against the quota, per channel, for national admins only; nothing when there is no reading.</summary>
public sealed class PushQuotaViewComponent(IServiceProvider services) : ViewComponent
{
    public IViewComponentResult Invoke()
    {
        var rows = User.IsInRole(ConsoleRoles.National) ? services.GetService(typeof(IPushQuotaView)) is IPushQuotaView view ? view.Latest : [] : [];
        return rows.Count == 0 ? Content("") : View(rows);
    }
}
