using System.Text.Json.Nodes;
using OrleansConsult.OperatorConsole.ProgramEditing;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Tests.Programs;

/// <summary>The console's one-item-a-line form fields: program JSON to lines and back, and a malformed line named by its number.</summary>
public sealed class ProgramFormTextTests
{
    [Fact]
    public void Hours_split_and_past_midnight_read_back_as_the_loader_takes_them()
    {
        var errors = new List<string>();
        var hours = ProgramFormText.ParseHours("火,木 09:00-12:00\n火・木 13:00〜17:00\n\n日 22:00-02:00", "受付時間", errors);
        Assert.Empty(errors);
        Assert.Equal("""[{"Days":["火","木"],"Start":"09:00","End":"12:00"},{"Days":["火","木"],"Start":"13:00","End":"17:00"},{"Days":["日"],"Start":"22:00","End":"02:00"}]""",
            hours.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        Assert.Equal("火,木 09:00-12:00\n火,木 13:00-17:00\n日 22:00-02:00", ProgramFormText.Hours(hours));

        var tenant = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "program.sample.json")),
            documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!;
        tenant["Program"]!["Tenants"]!["toyama"]!["Hours"] = hours;
        var schedule = new ConsultationSchedule(ProgramConfigurationLoader.FromJson(tenant.ToJsonString()).FindTenant("toyama")!.Schedule);
        Assert.True(schedule.IsOpen(new DateTimeOffset(2026, 12, 7, 1, 30, 0, TimeSpan.FromHours(9)))); // Monday 01:30, from Sunday 22:00
        Assert.False(schedule.IsOpen(new DateTimeOffset(2026, 12, 1, 12, 30, 0, TimeSpan.FromHours(9)))); // Tuesday lunch
    }

    [Fact]
    public void Phones_faq_areas_and_open_days_round_trip()
    {
        var errors = new List<string>();
        const string phones = "ほっとライン | 0120-000-101 | 平日 9:00〜17:00";
        const string faq = "相談にお金はかかりますか？ | 相談は無料です。 | お金, 無料";
        const string areas = "富山県: とやま, toyama\n高岡市";
        const string openDays = "2026-12-29 10:00-16:00";
        Assert.Equal(phones, ProgramFormText.Phones(ProgramFormText.ParsePhones(phones, "電話番号", errors)));
        Assert.Equal(faq, ProgramFormText.Faq(ProgramFormText.ParseFaq(faq, "よくある質問", errors)));
        Assert.Equal(areas, ProgramFormText.Areas(ProgramFormText.ParseAreas(areas, "地域", errors)));
        Assert.Equal(openDays, ProgramFormText.OpenDays(ProgramFormText.ParseOpenDays(openDays, "臨時開設日", errors)));
        Assert.Empty(errors);
        Assert.Equal(5, ProgramFormText.Optional(" 5 ")!.GetValue<int>());
        Assert.Null(ProgramFormText.Optional("  "));
    }

    [Fact]
    public void A_line_of_the_wrong_shape_is_named_by_its_number_and_the_others_are_kept()
    {
        var errors = new List<string>();
        var hours = ProgramFormText.ParseHours("月 10:00-12:00\n火 10時から", "受付時間", errors);
        ProgramFormText.ParsePhones("番号だけ", "電話番号", errors);
        Assert.Single(hours);
        Assert.Equal(
        [
            "受付時間 2行目「火 10時から」: 「曜日 開始-終了（例: 火,木 09:00-13:00）」の形で書いてください",
            "電話番号 1行目「番号だけ」: 「名称 | 番号 | 受付時間の案内」の形で書いてください",
        ], errors);
    }
}
