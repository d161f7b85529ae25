using System.Net;
using k8s;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OrleansConsult.Host;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

/// <summary>
/// Loads every manifest under k8s/ with KubernetesClient's typed loader (strict: an unknown field
/// is an error) and checks the promises the Deployment makes to the Host and to Orleans hosting.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string K8s = Path.Combine(RepoRoot(), "k8s");

    private static List<object> Load(string folder) =>
        Directory.GetFiles(Path.Combine(K8s, folder), "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(f => KubernetesYaml.LoadAllFromString(File.ReadAllText(f), strict: true))
            .ToList();

    private static readonly List<object> Base = Load("base");
    private static V1Deployment Deployment => Base.OfType<V1Deployment>().Single();
    private static V1Container Host => Deployment.Spec.Template.Spec.Containers.Single(c => c.Name == "host");

    [Theory]
    [InlineData("base")]
    [InlineData("overlays/production")]
    [InlineData("dev-postgres")]
    public void Every_manifest_loads_strictly_and_every_kustomization_resource_exists(string folder)
    {
        Assert.NotEmpty(Load(folder));
        var kustomization = File.ReadAllLines(Path.Combine(K8s, folder, "kustomization.yaml"));
        var referenced = kustomization.Select(l => l.Trim())
            .Where(l => l.StartsWith("- ") && (l.EndsWith(".yaml") || l.StartsWith("- ../")) || l.StartsWith("- path: "))
            .Select(l => l.Replace("- path: ", "").TrimStart('-', ' '));
        foreach (var resource in referenced)
        {
            var path = Path.GetFullPath(Path.Combine(K8s, folder, resource));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{folder}/kustomization.yaml names missing {resource}");
        }
    }

    [Fact]
    public void The_strict_loader_rejects_a_misspelt_field()
    {
        var yaml = File.ReadAllText(Path.Combine(K8s, "base", "pdb.yaml")).Replace("maxUnavailable:", "maxUnavailabel:");
        Assert.ThrowsAny<Exception>(() => KubernetesYaml.LoadAllFromString(yaml, strict: true));
    }

    [Fact]
    public void Selectors_match_the_pod_labels()
    {
        var podLabels = Deployment.Spec.Template.Metadata.Labels;
        AssertSubset(Deployment.Spec.Selector.MatchLabels, podLabels, "Deployment selector");
        AssertSubset(Base.OfType<V1Service>().Single().Spec.Selector, podLabels, "Service selector");
        AssertSubset(Base.OfType<V1PodDisruptionBudget>().Single().Spec.Selector.MatchLabels, podLabels, "PDB selector");
        Assert.Equal(Deployment.Metadata.Name, Base.OfType<V2HorizontalPodAutoscaler>().Single().Spec.ScaleTargetRef.Name);
    }

    [Fact]
    public void Orleans_kubernetes_hosting_gets_its_labels_env_and_rbac()
    {
        var labels = Deployment.Spec.Template.Metadata.Labels;
        Assert.Contains("orleans/serviceId", labels.Keys);
        Assert.Contains("orleans/clusterId", labels.Keys);
        var env = Host.Env.Select(e => e.Name).ToHashSet();
        Assert.All(KubernetesPod.EnvironmentVariables, name => Assert.Contains(name, env));

        var role = Base.OfType<V1Role>().Single();
        var pods = role.Rules.Single(r => r.Resources.Contains("pods"));
        Assert.Equal(["delete", "get", "list", "watch"], pods.Verbs.Order());
        var binding = Base.OfType<V1RoleBinding>().Single();
        Assert.Equal(role.Metadata.Name, binding.RoleRef.Name);
        Assert.Equal(Deployment.Spec.Template.Spec.ServiceAccountName, binding.Subjects.Single().Name);
        Assert.Contains(Base.OfType<V1ServiceAccount>(), a => a.Metadata.Name == Deployment.Spec.Template.Spec.ServiceAccountName);
    }

    [Fact]
    public async Task Probe_paths_and_ports_exist_in_the_host()
    {
        var ports = Host.Ports.ToDictionary(p => p.Name, p => p.ContainerPort);
        var defaults = ClusterSettings.Load(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        Assert.Equal(defaults.SiloPort, ports["silo"]);
        Assert.Equal(defaults.GatewayPort, ports["gateway"]);
        Assert.Equal($"http://+:{ports["http"]}", Host.Env.Single(e => e.Name == "ASPNETCORE_URLS").Value);

        using var data = new TempFolder();
        await using var host = await HostRunner.StartAsync(HostRunner.Embedded(data.Path));
        foreach (var probe in new[] { Host.ReadinessProbe, Host.LivenessProbe, Host.StartupProbe })
        {
            Assert.Equal("http", probe.HttpGet.Port.Value);
            Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync(probe.HttpGet.Path)).StatusCode);
        }
        Assert.Equal("/readyz", Host.ReadinessProbe.HttpGet.Path);
        Assert.Equal("/healthz", Host.LivenessProbe.HttpGet.Path);
    }

    [Fact]
    public void Every_secret_the_host_reads_comes_from_a_secret()
    {
        var config = Base.OfType<V1ConfigMap>().Single();
        var channels = config.Data.Keys
            .Where(k => k.StartsWith("Line__Channels__") && k.EndsWith("__Role"))
            .Select(k => k.Split("__")[2]).ToList();
        Assert.Equal(["consultee", "staff"], channels.Order());

        var fromSecrets = Host.Env.Where(e => e.ValueFrom?.SecretKeyRef is not null).Select(e => e.Name).ToHashSet();
        var expected = SecretSettings.Keys
            .SelectMany(k => k.Contains("{channel}") ? channels.Select(c => k.Replace("{channel}", c)) : [k])
            .Select(k => k.Replace(":", "__"));
        foreach (var name in expected)
        {
            Assert.Contains(name, fromSecrets);
            Assert.DoesNotContain(name, config.Data.Keys);
        }

        var job = Base.OfType<V1Job>().Single().Spec.Template.Spec.Containers.Single();
        Assert.Contains(job.Env, e => e.Name == "Storage__ConnectionString" && e.ValueFrom?.SecretKeyRef is not null);
    }

    [Fact]
    public void The_program_file_the_pods_read_is_mounted_and_valid()
    {
        var file = Host.Env.Single(e => e.Name == "Program__File").Value;
        var mount = Host.VolumeMounts.Single(m => file.StartsWith(m.MountPath + "/"));
        var volume = Deployment.Spec.Template.Spec.Volumes.Single(v => v.Name == mount.Name);
        Assert.Equal("orleansconsult-program", volume.ConfigMap.Name);
        Assert.Contains("name: orleansconsult-program", File.ReadAllText(Path.Combine(K8s, "base", "kustomization.yaml")));

        var program = OrleansConsult.Tenancy.ProgramConfigurationLoader.FromFile(Path.Combine(K8s, "base", Path.GetFileName(file)));
        Assert.NotEmpty(program.Tenants);
    }

    [Fact]
    public void Migrate_job_runs_the_same_image_as_the_deployment()
    {
        var job = Base.OfType<V1Job>().Single().Spec.Template.Spec.Containers.Single();
        Assert.Equal(Host.Image, job.Image);
        Assert.Equal(["migrate"], job.Args);
    }

    [Fact]
    public async Task A_stopping_pod_leaves_the_service_first_and_its_shutdown_fits_the_grace_period()
    {
        var preStop = Host.Lifecycle.PreStop.Exec.Command;
        Assert.Equal("sleep", preStop[0]);
        var pause = TimeSpan.FromSeconds(int.Parse(preStop[1]));
        Assert.InRange(pause, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15));

        // The pause and the Host's own shutdown budget both fit before the kubelet's SIGKILL.
        using var data = new TempFolder();
        await using var host = await HostRunner.StartAsync(HostRunner.Embedded(data.Path));
        var shutdown = host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout;
        var grace = TimeSpan.FromSeconds(Deployment.Spec.Template.Spec.TerminationGracePeriodSeconds ?? 30);
        Assert.True(pause + shutdown < grace, $"preStop {pause} + shutdown {shutdown} do not fit in {grace}");
    }

    [Fact]
    public void The_management_port_is_scraped_on_the_pod_and_in_no_service()
    {
        var port = Host.Ports.Single(p => p.Name == "management");
        Assert.Equal(ManagementPort.Load(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()).Port, port.ContainerPort);
        Assert.DoesNotContain(Host.Env, e => e.Name.StartsWith("Management__", StringComparison.Ordinal));
        var annotations = Deployment.Spec.Template.Metadata.Annotations;
        Assert.Equal("true", annotations["prometheus.io/scrape"]);
        Assert.Equal(port.ContainerPort.ToString(), annotations["prometheus.io/port"]);
        Assert.Equal("/metrics", annotations["prometheus.io/path"]);

        foreach (var service in new[] { "base", "overlays/production" }.SelectMany(Load).OfType<V1Service>())
        {
            Assert.All(service.Spec.Ports, p =>
            {
                Assert.NotEqual("management", p.TargetPort?.Value);
                Assert.NotEqual(port.ContainerPort.ToString(), p.TargetPort?.Value);
                Assert.NotEqual(port.ContainerPort, p.Port);
            });
        }
    }

    [Fact]
    public void The_network_policy_lets_each_port_be_reached_only_by_whom_it_serves()
    {
        var policy = Base.OfType<V1NetworkPolicy>().Single();
        var podLabels = Deployment.Spec.Template.Metadata.Labels;
        AssertSubset(policy.Spec.PodSelector.MatchLabels, podLabels, "NetworkPolicy podSelector");
        Assert.Contains("Ingress", policy.Spec.PolicyTypes);

        // Every port of the pod is opened by exactly one rule, and no rule is open to everyone.
        var rules = policy.Spec.Ingress;
        Assert.All(rules, r => Assert.NotEmpty(r.FromProperty));
        Assert.All(rules, r => Assert.All(r.FromProperty, peer => Assert.Null(peer.IpBlock)));
        var ports = rules.SelectMany(r => r.Ports.Select(p => p.Port.Value)).ToList();
        Assert.Equal(Host.Ports.Select(p => p.Name).Order(), ports.Order());
        V1NetworkPolicyIngressRule RuleFor(string port) => rules.Single(r => r.Ports.Any(p => p.Port.Value == port));

        // Silo and gateway: pods of this app, in this namespace only.
        var cluster = RuleFor("silo");
        Assert.Same(cluster, RuleFor("gateway"));
        var peer = Assert.Single(cluster.FromProperty);
        Assert.Null(peer.NamespaceSelector);
        AssertSubset(peer.PodSelector.MatchLabels, podLabels, "silo peers");
        Assert.Equal(policy.Spec.PodSelector.MatchLabels, peer.PodSelector.MatchLabels);

        // Webhooks from the ingress controller's namespace, metrics from monitoring's.
        Assert.Equal("ingress-nginx", NamespaceOf(RuleFor("http")));
        Assert.Equal("monitoring", NamespaceOf(RuleFor("management")));
    }

    private static string NamespaceOf(V1NetworkPolicyIngressRule rule)
    {
        var peer = Assert.Single(rule.FromProperty);
        Assert.Null(peer.PodSelector);
        return Assert.Single(peer.NamespaceSelector.MatchLabels, l => l.Key == "kubernetes.io/metadata.name").Value;
    }

    [Fact]
    public void Silo_tls_is_off_in_base_and_on_in_production_with_its_certificate_from_a_secret()
    {
        static string Env(string setting) => $"{SiloTls.Section}:{setting}".Replace(":", "__");
        Assert.DoesNotContain(Host.Env, e => e.Name.StartsWith(Env(""), StringComparison.Ordinal));

        var patch = Load("overlays/production").OfType<V1Deployment>()
            .Single(d => d.Spec.Template.Spec.Containers.Any(c => c.Env?.Any(e => e.Name == Env("CertificatePath")) == true));
        Assert.Contains("silo-tls-patch.yaml", File.ReadAllText(Path.Combine(K8s, "overlays", "production", "kustomization.yaml")));
        var container = patch.Spec.Template.Spec.Containers.Single();
        Assert.Equal(Host.Name, container.Name);
        foreach (var setting in new[] { "CertificatePath", "KeyPath", "CaPath" })
        {
            var path = container.Env.Single(e => e.Name == Env(setting)).Value;
            var mount = container.VolumeMounts.Single(m => path.StartsWith(m.MountPath + "/", StringComparison.Ordinal));
            Assert.True(mount.ReadOnlyProperty);
            var volume = patch.Spec.Template.Spec.Volumes.Single(v => v.Name == mount.Name);
            Assert.Equal("orleansconsult-silo-tls", volume.Secret.SecretName);
        }
    }

    [Fact]
    public void Images_are_pinned_to_a_release()
    {
        var from = File.ReadAllLines(Path.Combine(RepoRoot(), "Dockerfile")).Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, from.Count);
        Assert.All(from, line => Assert.Matches(@"^FROM mcr\.microsoft\.com/dotnet/(sdk|aspnet):\d+\.\d+\.\d+-[a-z]+ AS \w+$", line));

        var production = File.ReadAllText(Path.Combine(K8s, "overlays", "production", "kustomization.yaml"));
        var tag = System.Text.RegularExpressions.Regex.Match(production, "newTag: \"?([^\"\n]+)\"?").Groups[1].Value;
        Assert.Matches(@"^\d+\.\d+\.\d+$", tag);
    }

    [Fact]
    public void Graceful_shutdown_and_disruption_budget_keep_the_cluster_up()
    {
        Assert.InRange(Deployment.Spec.Template.Spec.TerminationGracePeriodSeconds ?? 30, 30, 120);
        Assert.Equal("0", Deployment.Spec.Strategy.RollingUpdate.MaxUnavailable.Value);
        Assert.Equal("1", Base.OfType<V1PodDisruptionBudget>().Single().Spec.MaxUnavailable.Value);
        Assert.True(Deployment.Spec.Template.Spec.SecurityContext.RunAsNonRoot);
        Assert.NotNull(Host.Resources.Requests);
        Assert.NotNull(Host.Resources.Limits);
    }

    private static void AssertSubset(IDictionary<string, string> selector, IDictionary<string, string> labels, string what)
    {
        Assert.NotEmpty(selector);
        foreach (var (key, value) in selector)
        {
            Assert.True(labels.TryGetValue(key, out var actual) && actual == value, $"{what}: {key}={value} is not a pod label");
        }
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OrleansConsult.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("OrleansConsult.sln not found above the test folder");
    }
}
