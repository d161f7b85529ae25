namespace OrleansConsult.OperatorConsole.Audit;

/// <summary>The action names the console writes (other helpers add theirs as constants of their own).</summary>
public static class AuditActions
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in.failed";
    public const string LockedOut = "sign-in.locked-out";
    public const string SignOut = "sign-out";
    public const string AccountInvited = "account.invited";
    public const string AccountSetUp = "account.set-up";
    public const string AccountDeactivated = "account.deactivated";
    public const string AccountRoleChanged = "account.role-changed";
    public const string AuditExported = "audit.exported";
    public const string StaffInvitationIssued = "staff-invitation.issued";
    public const string StaffInvitationRevoked = "staff-invitation.revoked";
    public const string StaffBindingRevoked = "staff-binding.revoked";
}
