namespace OrleansConsult.Host;

/// <summary>The environment Kubernetes hosting needs; set by the Deployment in k8s/base.</summary>
public static class KubernetesPod
{
    public static readonly string[] EnvironmentVariables = ["POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID"];

    public static bool IsPresent => EnvironmentVariables.All(name => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)));
}
