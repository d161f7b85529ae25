namespace OrleansConsult.OperatorConsole.Hosting;

/// <summary>A console setting the Host cannot start with; the Host prints it as one line.</summary>
public sealed class ConsoleConfigurationException(string message) : Exception(message);
