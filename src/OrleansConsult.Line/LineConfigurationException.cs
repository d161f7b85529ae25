namespace OrleansConsult.Line;

public sealed class LineConfigurationException(string message) : Exception(message);
