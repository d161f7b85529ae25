namespace OrleansConsult.Host;

public sealed class HostConfigurationException(string message) : Exception(message);
