using OrleansConsult.Tenancy;

namespace OrleansConsult.Tenancy.Tests;

/// <summary>The shipped sample, loaded once, and helpers to write Tokyo instants.</summary>
internal static class Sample
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Samples", "program.sample.json");

    private static readonly Lazy<ProgramConfiguration> program = new(() => ProgramConfigurationLoader.FromFile(Path));

    public static ProgramConfiguration Program => program.Value;

    public static TenantSettings Toyama => Program.FindTenant("toyama")!;

    public static ConsultationSchedule ToyamaSchedule => new(Toyama.Schedule);

    public static ConsultationSchedule NationalPoolSchedule => new(Program.FindPool("national")!.Schedule);

    /// <summary>A wall-clock time in Japan (UTC+9, no daylight saving).</summary>
    public static DateTimeOffset Jst(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(9));
}
