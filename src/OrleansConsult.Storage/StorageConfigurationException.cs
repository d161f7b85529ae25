using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace OrleansConsult.Storage;

public sealed class StorageConfigurationException(string message) : Exception(message);
