namespace OrleansConsult.Storage;

public sealed class StorageConfigurationException(string message) : Exception(message);
