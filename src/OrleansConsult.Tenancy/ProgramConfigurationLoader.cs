using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace OrleansConsult.Tenancy;

/// <summary>
/// Builds <see cref="ProgramConfiguration"/> from the "Program" configuration section or a JSON
/// file of the same shape. Both go through IConfiguration, so error paths read the same
/// (Program:Tenants:toyama:Hours:0:Start) and environment variables can override either.
/// </summary>
public static partial class ProgramConfigurationLoader
{
    public const string SectionName = "Program";

    /// <summary>JSON text: either {"Program": {...}} or the Program object itself.</summary>
    public static ProgramConfiguration FromJson(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
            });
        }
        catch (JsonException e)
        {
            throw new ProgramConfigurationException([$"{SectionName} is not valid JSON: {e.Message}"]);
        }
        if (root is not JsonObject obj)
            throw new ProgramConfigurationException([$"{SectionName} must be a JSON object"]);

        var wrapped = obj.Any(p => p.Key.Equals(SectionName, StringComparison.OrdinalIgnoreCase))
            ? obj.ToJsonString()
            : new JsonObject { [SectionName] = obj.DeepClone() }.ToJsonString();

        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .Add(new IndexedJsonStreamConfigurationSource { Stream = new MemoryStream(Encoding.UTF8.GetBytes(wrapped)) })
                .Build();
        }
        catch (FormatException e) // e.g. a key written twice, which would silently hide one tenant
        {
            throw new ProgramConfigurationException([$"{SectionName}: {e.Message}"]);
        }
        return FromConfiguration(configuration.GetSection(SectionName));
    }

    public static ProgramConfiguration FromFile(string path) => FromJson(File.ReadAllText(path));

    /// <summary>Reads and validates; throws <see cref="ProgramConfigurationException"/> listing every problem.</summary>
    public static ProgramConfiguration FromConfiguration(IConfigurationSection section)
    {
        var reader = new SettingsReader();
        if (!section.Exists())
            throw new ProgramConfigurationException([$"{section.Path} section is missing"]);

        var tenantsSection = section.GetSection("Tenants");
        if (!tenantsSection.GetChildren().Any())
            reader.Error(tenantsSection, "is required (at least one tenant, keyed by its id)");

        var recordLists = ReadRecordLists(reader, section, CaseRecordListSettings.Default) ?? CaseRecordListSettings.Default;
        var program = new ProgramConfiguration(
            tenantsSection.GetChildren().Select(t => ReadTenant(reader, t, recordLists)).ToList(),
            section.GetSection("NursePools").GetChildren().Select(p => ReadPool(reader, p)).ToList(),
            ReadCrisis(reader, section))
        {
            CannedReplies = section.GetSection("CannedReplies").Exists()
                ? ReadCannedReplies(reader, section)
                : CannedReply.NationalDefaults,
            RecordLists = recordLists,
        };

        ProgramConfigurationValidator.Validate(program, section.Path, reader.Errors);
        if (reader.Errors.Count > 0) throw new ProgramConfigurationException(reader.Errors);
        return program;
    }

    private static TenantSettings ReadTenant(SettingsReader r, IConfigurationSection s, CaseRecordListSettings programLists)
    {
        var defaults = ConsultationTimeouts.Default;
        var timeouts = new ConsultationTimeouts(
            r.Duration(s, "MaxWaitBeforeOverflow", defaults.MaxWaitBeforeOverflow),
            r.Duration(s, "OfferTimeout", defaults.OfferTimeout),
            r.Duration(s, "IdleWarnAfter", defaults.IdleWarnAfter),
            r.Duration(s, "IdleCloseAfter", defaults.IdleCloseAfter),
            r.Duration(s, "ReturningConsulteeWindow", defaults.ReturningConsulteeWindow))
        {
            OfferRetryPause = r.Duration(s, "OfferRetryPause", defaults.OfferRetryPause),
        };
        if (timeouts.IdleWarnAfter >= timeouts.IdleCloseAfter)
            r.Error(s.GetSection("IdleWarnAfter"), "must be shorter than IdleCloseAfter");

        var overflow = r.Optional(s, "OverflowTo");
        return new TenantSettings(
            CheckId(r, s),
            r.Required(s, "DisplayName"),
            r.Enum<TenantKind>(s, "Kind", null),
            r.Required(s, "EntryCode"),
            ReadAreas(r, s),
            ReadSchedule(r, s, closedOnHolidaysByDefault: true, closedYearEndByDefault: true),
            ReadPhones(r, s),
            overflow is null || overflow.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : overflow,
            timeouts,
            SettingsReader.Items(s, "Faq").Select(f => new FaqEntry(
                r.Required(f, "Question"), r.Required(f, "Answer"), r.Strings(f, "Keywords"))).ToList(),
            ReadStaff(r, s, "Counselors", $"tenant:{s.Key}"))
        {
            RetentionYears = ReadRetentionYears(r, s),
            CannedReplies = ReadCannedReplies(r, s),
            RecordLists = ReadRecordLists(r, s, programLists),
        };
    }

    /// <summary>
    /// "RecordLists": {"Topics": [...], "AgeBands": [...], ...}: each list it names replaces the one of
    /// <paramref name="fallback"/>; null when the owner has no such section. Each choice is a LINE quick reply and a
    /// stored value, so a list is short, its choices distinct and not long.
    /// </summary>
    private static CaseRecordListSettings? ReadRecordLists(SettingsReader r, IConfigurationSection owner, CaseRecordListSettings fallback)
    {
        var section = owner.GetSection("RecordLists");
        if (!section.Exists()) return null;
        IReadOnlyList<string> Read(string name)
        {
            var list = section.GetSection(name);
            if (!list.Exists()) return fallback.List(name);
            var choices = r.Strings(section, name);
            if (choices.Count == 0)
                r.Error(list, "is empty (at least one choice)");
            if (choices.Count > CaseRecordListSettings.MaxChoices)
                r.Error(list, $"has more than {CaseRecordListSettings.MaxChoices} choices (LINE shows at most 13 quick replies)");
            for (var i = 0; i < choices.Count; i++)
            {
                if (choices[i].Length > CaseRecordListSettings.MaxChoiceLength)
                    r.Error(list.GetSection(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"is longer than {CaseRecordListSettings.MaxChoiceLength} characters");
                if (choices.Take(i).Contains(choices[i]))
                    r.Error(list, $"repeats the choice '{choices[i]}'");
            }
            return choices.Count == 0 ? fallback.List(name) : choices;
        }
        return new CaseRecordListSettings(
            Read("Topics"), Read("AgeBands"), Read("PregnancyWeeks"), Read("Actions"), Read("Destinations"), Read("ReferralStatuses"));
    }

    /// <summary>"CannedReplies": [{"Title", "Text"}]: the title is a LINE quick-reply label, the text one LINE message.</summary>
    private static IReadOnlyList<CannedReply> ReadCannedReplies(SettingsReader r, IConfigurationSection owner)
    {
        var replies = new List<CannedReply>();
        foreach (var item in SettingsReader.Items(owner, "CannedReplies"))
        {
            var title = r.Required(item, "Title");
            var text = r.Required(item, "Text");
            if (title.Length > CannedReply.MaxTitleLength)
                r.Error(item.GetSection("Title"), $"is longer than {CannedReply.MaxTitleLength} characters (a LINE quick-reply label)");
            if (text.Length > CannedReply.MaxTextLength)
                r.Error(item.GetSection("Text"), $"is longer than {CannedReply.MaxTextLength} characters (one LINE message)");
            if (title.Length > 0 && replies.Any(c => c.Title == title))
                r.Error(item.GetSection("Title"), $"repeats the title '{title}' (a counselor chooses by title)");
            replies.Add(new CannedReply(title, text));
        }
        return replies;
    }

    /// <summary>Whole years, at least one (a year of monthly reports) and at most 30 (a guard against typing days).</summary>
    private static int ReadRetentionYears(SettingsReader r, IConfigurationSection tenant)
    {
        var years = r.Int(tenant, "RetentionYears", TenantSettings.DefaultRetentionYears, min: 1);
        if (years > 30)
        {
            r.Error(tenant.GetSection("RetentionYears"), "is more than 30 years; write whole years (e.g. 5)");
            return TenantSettings.DefaultRetentionYears;
        }
        return years;
    }

    private static NursePoolSettings ReadPool(SettingsReader r, IConfigurationSection s)
    {
        // "Tenants": "all" or a list of tenant ids.
        var tenants = s.GetSection("Tenants");
        var all = string.Equals(tenants.Value?.Trim(), "all", StringComparison.OrdinalIgnoreCase);
        if (!all && !tenants.GetChildren().Any())
            r.Error(tenants, "is required (\"all\" or a list of tenant ids)");

        return new NursePoolSettings(
            CheckId(r, s),
            r.Required(s, "Name"),
            all,
            all ? [] : r.Strings(s, "Tenants"),
            // Pools exist to cover nights and holidays, so holidays do not close them unless told.
            ReadSchedule(r, s, closedOnHolidaysByDefault: false, closedYearEndByDefault: false),
            ReadPhones(r, s),
            r.Duration(s, "OfferTimeout", ConsultationTimeouts.Default.OfferTimeout),
            ReadStaff(r, s, "Nurses", $"pool:{s.Key}"))
        {
            OfferRetryPause = r.Duration(s, "OfferRetryPause", ConsultationTimeouts.Default.OfferRetryPause),
        };
    }

    private static IReadOnlyList<AreaName> ReadAreas(SettingsReader r, IConfigurationSection tenant)
    {
        var areas = SettingsReader.Items(tenant, "Areas")
            .Select(a => a.Value is { } name // a plain string is a name without aliases
                ? new AreaName(name.Trim(), [])
                : new AreaName(r.Required(a, "Name"), r.Strings(a, "Aliases")))
            .ToList();
        if (areas.Count == 0) r.Error(tenant.GetSection("Areas"), "is required (at least one prefecture or city name)");
        return areas;
    }

    private static IReadOnlyList<PhoneNumber> ReadPhones(SettingsReader r, IConfigurationSection owner) =>
        SettingsReader.Items(owner, "Phones")
            .Select(p => new PhoneNumber(r.Required(p, "Label"), r.Required(p, "Number"), r.Optional(p, "HoursText") ?? ""))
            .ToList();

    private static IReadOnlyList<StaffMember> ReadStaff(
        SettingsReader r, IConfigurationSection owner, string key, string dispatcherKey) =>
        SettingsReader.Items(owner, key)
            .Select(m =>
            {
                var role = r.Enum<StaffRole>(m, "Role", null);
                var takesCases = r.Bool(m, "TakesCases", role != StaffRole.Supervisor);
                if (!takesCases && role != StaffRole.Supervisor)
                {
                    r.Error(m.GetSection("TakesCases"), "may be false only for a Supervisor (to keep someone from offers, set \"Active\": false)");
                }
                return new StaffMember(
                    CheckId(r, m),
                    r.Required(m, "DisplayName"),
                    role,
                    r.Int(m, "MaxConcurrentCases", fallback: 2, min: 1),
                    r.Optional(m, "EnrollmentCode"),
                    dispatcherKey)
                {
                    Active = r.Bool(m, "Active", true),
                    TakesCases = takesCases,
                };
            })
            .ToList();

    private static ScheduleSettings ReadSchedule(
        SettingsReader r, IConfigurationSection s, bool closedOnHolidaysByDefault, bool closedYearEndByDefault)
    {
        var weekly = new List<DailyWindow>();
        foreach (var entry in SettingsReader.Items(s, "Hours"))
        {
            var (start, end) = ReadWindow(r, entry, allowPastMidnight: true);
            // "Days": [...] for several days, or "Day" for one.
            var days = entry.GetSection("Days").GetChildren()
                .Append(entry.GetSection("Days")).Append(entry.GetSection("Day"))
                .Where(d => !string.IsNullOrWhiteSpace(d.Value)).ToList();
            if (days.Count == 0) r.Error(entry.GetSection("Days"), "is required (e.g. [\"Tue\", \"Thu\"])");
            foreach (var day in days.Select(r.Day).OfType<DayOfWeek>())
            {
                if (end > start)
                {
                    weekly.Add(new DailyWindow(day, start, end));
                }
                else
                {
                    // Past midnight ("22:00"–"02:00"): the evening of this day and the small hours of the next;
                    // back-to-back windows count as one opening.
                    weekly.Add(new DailyWindow(day, start, TimeSpan.FromHours(24)));
                    if (end > TimeSpan.Zero) weekly.Add(new DailyWindow((DayOfWeek)(((int)day + 1) % 7), TimeSpan.Zero, end));
                }
            }
        }
        foreach (var day in weekly.GroupBy(w => w.Day))
            CheckNoOverlap(r, s.GetSection("Hours"), day.Key.ToString(), day.Select(w => new TimeWindow(w.Start, w.End)));

        var holidayHours = SettingsReader.Items(s, "HolidayHours")
            .Select(h => ReadWindow(r, h)).Select(w => new TimeWindow(w.Start, w.End)).ToList();
        CheckNoOverlap(r, s.GetSection("HolidayHours"), "holidays", holidayHours);

        var closedDays = SettingsReader.Items(s, "ClosedDays").Select(r.Date).OfType<DateOnly>().ToList();
        var openDays = new List<DateWindow>();
        foreach (var entry in SettingsReader.Items(s, "OpenDays"))
        {
            var (start, end) = ReadWindow(r, entry);
            if (r.Date(entry.GetSection("Date")) is { } date) openDays.Add(new DateWindow(date, start, end));
        }

        var closedOnHolidays = r.Bool(s, "ClosedOnPublicHolidays", closedOnHolidaysByDefault);
        if (closedOnHolidays && holidayHours.Count > 0)
            r.Error(s.GetSection("HolidayHours"), "is set but ClosedOnPublicHolidays is true");

        return new ScheduleSettings(weekly, holidayHours, closedOnHolidays,
            r.Bool(s, "ClosedYearEnd", closedYearEndByDefault), closedDays, openDays);
    }

    private static (TimeSpan Start, TimeSpan End) ReadWindow(SettingsReader r, IConfigurationSection entry, bool allowPastMidnight = false)
    {
        var startErrors = r.Errors.Count;
        var start = r.Time(entry, "Start");
        var end = r.Time(entry, "End");
        if (r.Errors.Count == startErrors && start == end)
            r.Error(entry.GetSection("End"), "must differ from Start");
        else if (r.Errors.Count == startErrors && start > end && !allowPastMidnight)
            r.Error(entry.GetSection("End"), $"must be after Start ({start:hh\\:mm})");
        return (start, end);
    }

    private static void CheckNoOverlap(SettingsReader r, IConfigurationSection at, string day, IEnumerable<TimeWindow> windows)
    {
        var sorted = windows.Where(w => w.Start < w.End).OrderBy(w => w.Start).ToList();
        for (var i = 1; i < sorted.Count; i++)
            if (sorted[i].Start < sorted[i - 1].End)
                r.Error(at, $"has overlapping windows on {day} ({sorted[i - 1].Start:hh\\:mm}-{sorted[i - 1].End:hh\\:mm} and {sorted[i].Start:hh\\:mm}-{sorted[i].End:hh\\:mm})");
    }

    private static CrisisSettings ReadCrisis(SettingsReader r, IConfigurationSection program)
    {
        var words = r.Strings(program, "CrisisWords");
        var contacts = SettingsReader.Items(program, "EmergencyContacts")
            .Select(c => new EmergencyContact(r.Required(c, "Label"), r.Required(c, "Number"), r.Optional(c, "Note") ?? ""))
            .ToList();
        return new CrisisSettings(
            words.Count > 0 ? words : CrisisSettings.DefaultWords,
            contacts.Count > 0 ? contacts : CrisisSettings.DefaultEmergencyContacts);
    }

    /// <summary>Ids are the section keys; they go into grain keys and URLs, so keep them slugs.</summary>
    private static string CheckId(SettingsReader r, IConfigurationSection s)
    {
        if (!Slug().IsMatch(s.Key))
            r.Error(s, "id is not a slug (lower-case letters, digits and single hyphens, e.g. toyama or tym-c01)");
        return s.Key;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex Slug();
}
