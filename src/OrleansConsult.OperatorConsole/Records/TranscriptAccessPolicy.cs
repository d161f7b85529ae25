using OrleansConsult.OperatorConsole.Access;

namespace OrleansConsult.OperatorConsole.Records;

/// <summary>
/// Who may read a case's conversation in the console. The transcript is the most sensitive thing the system keeps,
/// so fewer people read it than see the record: the 全国管理者 (complaints, incidents, the service's own review) and
/// the スーパーバイザー of the case's own tenant (supervision, also of a closed case after the counselor's 24 h on LINE).
/// Never a 自治体管理者 (she reports numbers, she does not supervise counselling), never a 監査担当 (she audits who
/// read, not what was said), never a supervisor of another tenant or of a nurse pool.
/// </summary>
public static class TranscriptAccessPolicy
{
    public static bool MayRead(ConsoleScope? scope, string tenantId) => scope?.Role switch
    {
        ConsoleRole.National => true,
        ConsoleRole.Supervisor => scope.Keys.Count == 1 && scope.Keys[0].Matches(ScopeKey.Tenant(tenantId)),
        _ => false,
    };
}
