namespace OrleansConsult.Host;

/// <summary>
/// Settings that carry secrets. Each must come from a Kubernetes Secret, never a ConfigMap;
/// the manifest test checks that k8s/base maps every one ({channel} for each configured channel).
/// </summary>
public static class SecretSettings
{
    public static readonly string[] Keys =
    [
        "Storage:ConnectionString",
        "Line:Channels:{channel}:Secret",
        "Line:Channels:{channel}:AccessToken",
        "Transcripts:Keys",
        OperatorAuthentication.PasswordSetting,
    ];
}
