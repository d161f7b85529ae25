using System.Text;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Tests.Conversation;

/// <summary>
/// A program of many independent areas so grain tests sharing one cluster never share a queue:
/// area "a{n}" (Toyama trial hours: Tue/Thu/Sat 9–13, Wed/Fri 14–18 JST, plus Mon 17–20 to
/// overlap the pool and Sun 22:00–翌2:00 past midnight; three counselors, capacity 2, 2 and 1, and two supervisors: sv who takes no cases, sv2 who also counsels) overflows to pool "p{n}" (daily 18–22, holidays 10–22, two nurses).
/// Areas above <see cref="WithPool"/> are the same but configure no overflow at all.
/// </summary>
public static class TestProgram
{
    public const int Areas = 700;

    /// <summary>Areas 1..WithPool overflow to their pool; the rest have none.</summary>
    public const int WithPool = 450;

    public static ProgramConfiguration Build() => ProgramConfigurationLoader.FromJson(Json());

    /// <summary>The same program as a program file's JSON (what the program table stores).</summary>
    public static string Json()
    {
        var json = new StringBuilder("{ \"Program\": { \"Tenants\": {");
        for (var n = 1; n <= Areas; n++)
        {
            json.Append($$"""
                "a{{n}}": {
                  "DisplayName": "テスト県{{n}}", "Kind": "Prefecture", "EntryCode": "PR-A{{n}}",
                  "Areas": [ { "Name": "テスト県{{n}}", "Aliases": [ "てすと{{n}}" ] }, { "Name": "テスト市{{n}}", "Aliases": [] } ],
                  "Hours": [
                    { "Days": [ "Tue", "Thu", "Sat" ], "Start": "09:00", "End": "13:00" },
                    { "Days": [ "Wed", "Fri" ], "Start": "14:00", "End": "18:00" },
                    { "Days": [ "Mon" ], "Start": "17:00", "End": "20:00" },
                    { "Days": [ "Sun" ], "Start": "22:00", "End": "02:00" }
                  ],
                  "Phones": [ { "Label": "テスト窓口{{n}}", "Number": "0120-000-{{n:000}}", "HoursText": "火・木・土 9:00〜13:00" } ],
                  {{(n <= WithPool ? $"\"OverflowTo\": \"p{n}\"," : "")}}
                  "Faq": [ { "Question": "相談にお金はかかりますか？", "Answer": "相談は無料です。", "Keywords": [ "お金", "無料" ] } ],
                  "Counselors": {
                    "a{{n}}-c1": { "DisplayName": "相談員1", "Role": "Counselor", "MaxConcurrentCases": 2, "EnrollmentCode": "A{{n}}-C1" },
                    "a{{n}}-c2": { "DisplayName": "相談員2", "Role": "Counselor", "MaxConcurrentCases": 2, "EnrollmentCode": "A{{n}}-C2" },
                    "a{{n}}-c3": { "DisplayName": "助産師3", "Role": "Midwife", "MaxConcurrentCases": 1, "EnrollmentCode": "A{{n}}-C3" },
                    "a{{n}}-sv": { "DisplayName": "SV", "Role": "Supervisor", "MaxConcurrentCases": 2, "EnrollmentCode": "A{{n}}-SV" },
                    "a{{n}}-sv2": { "DisplayName": "SV2", "Role": "Supervisor", "TakesCases": true, "MaxConcurrentCases": 1, "EnrollmentCode": "A{{n}}-SV2" }
                  }
                }{{(n < Areas ? "," : "")}}
                """);
        }
        json.Append("}, \"NursePools\": {");
        for (var n = 1; n <= Areas; n++)
        {
            json.Append($$"""
                "p{{n}}": {
                  "Name": "看護師チーム{{n}}", "Tenants": [ "a{{n}}" ],
                  "Hours": [ { "Days": [ "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" ], "Start": "18:00", "End": "22:00" } ],
                  "HolidayHours": [ { "Start": "10:00", "End": "22:00" } ],
                  "ClosedOnPublicHolidays": false,
                  "Phones": [ { "Label": "看護師ダイヤル{{n}}", "Number": "0120-999-{{n:000}}", "HoursText": "毎日 18:00〜22:00" } ],
                  "OfferTimeout": "00:01:00",
                  "Nurses": {
                    "p{{n}}-n1": { "DisplayName": "看護師1", "Role": "Nurse", "MaxConcurrentCases": 3, "EnrollmentCode": "P{{n}}-N1" },
                    "p{{n}}-n2": { "DisplayName": "看護師2", "Role": "Nurse", "MaxConcurrentCases": 3, "EnrollmentCode": "P{{n}}-N2" }
                  }
                }{{(n < Areas ? "," : "")}}
                """);
        }
        json.Append("} } }");
        return json.ToString();
    }
}
