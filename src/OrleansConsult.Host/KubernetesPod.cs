namespace OrleansConsult.Host;

/// <summary>The environment Kubernetes hosting needs; set by the Deployment in k8s/base.</summary>
public static class KubernetesPod
{
    public static readonly string[] EnvironmentVariables = ["POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID"];

    public static bool IsPresent => EnvironmentVariables.All(name => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)));
}

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
