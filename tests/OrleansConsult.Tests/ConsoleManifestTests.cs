using k8s;
using k8s.Models;
using OrleansConsult.OperatorConsole.Hosting;

namespace OrleansConsult.Tests;

/// <summary>The operator console's port: on the pod, in the Service, behind its own ingress host, opened by its own NetworkPolicy rule.</summary>
public sealed class ConsoleManifestTests
{
    private static readonly string Base = Path.Combine(RepoRoot(), "k8s", "base");

    private static List<object> Load(string folder) =>
        Directory.GetFiles(folder, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(f => KubernetesYaml.LoadAllFromString(File.ReadAllText(f), strict: true)).ToList();

    [Fact]
    public void The_console_port_is_served_by_its_own_ingress_and_rule()
    {
        var manifests = Load(Base);
        var host = manifests.OfType<V1Deployment>().Single().Spec.Template.Spec.Containers.Single(c => c.Name == "host");
        var port = host.Ports.Single(p => p.Name == "console");
        Assert.Equal(ConsolePort.DefaultPort, port.ContainerPort);
        Assert.Contains(host.Env, e => e.Name == "Console__Port" && e.Value == port.ContainerPort.ToString());

        var service = manifests.OfType<V1Service>().Single();
        Assert.Contains(service.Spec.Ports, p => p.Name == "console" && p.TargetPort.Value == "console");

        var ingress = manifests.OfType<V1Ingress>().Single(i => i.Metadata.Name == "orleansconsult-console");
        var backends = ingress.Spec.Rules.SelectMany(r => r.Http.Paths).Select(p => p.Backend.Service).ToList();
        Assert.All(backends, b => Assert.Equal("console", b.Port.Name));
        Assert.NotEmpty(ingress.Spec.Tls);

        var rule = manifests.OfType<V1NetworkPolicy>().Single().Spec.Ingress.Single(r => r.Ports.Any(p => p.Port.Value == "console"));
        Assert.Single(rule.Ports);
    }

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrleansConsult.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("OrleansConsult.sln not found above the test binaries.");
    }
}
