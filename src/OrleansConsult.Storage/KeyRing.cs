namespace OrleansConsult.Storage;

/// <summary>
/// Where the encryption key ring comes from: Transcripts:Keys (required with PostgreSQL, mapped
/// from a Kubernetes Secret), or for the embedded default a key file created once in the data
/// folder, so `dotnet run` needs no setup and restarts read their own data.
/// </summary>
public static class KeyRing
{
    public const string Setting = "Transcripts:Keys";
    public const string FileName = "transcript-keys";

    public static PayloadProtector Load(string? configured, StorageOptions storage)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new PayloadProtector(configured);
        }
        if (storage.Mode == StorageMode.PostgreSql)
        {
            throw new StorageConfigurationException(
                $"{Setting} is required when Storage:Mode is PostgreSQL (keyId:base64 of a 256-bit key; several separated by ';', the first encrypts).");
        }

        var path = Path.Combine(Path.GetFullPath(storage.DataPath), FileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            try
            {
                using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
                writer.Write(PayloadProtector.NewKeyRingEntry("local-1"));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }
        }
        return new PayloadProtector(File.ReadAllText(path).Trim());
    }
}
