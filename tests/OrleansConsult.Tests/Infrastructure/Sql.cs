using OrleansConsult.Storage;

namespace OrleansConsult.Tests.Infrastructure;

/// <summary>Plain reads of the project's tables in tests, on SQLite or PostgreSQL alike.</summary>
public static class Sql
{
    public static async Task<long> CountAsync(Database database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
