using System.Text.Json.Nodes;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Tenancy.Tests;

/// <summary>
/// The case-record lists ("RecordLists"): the lists by default, the program's replacing them list by list,
/// a tenant's replacing the program's; each list short enough for LINE's quick replies, with distinct, short choices.
/// </summary>
public class RecordListLoaderTests
{
    [Fact]
    public void Without_settings_every_tenant_uses_the_default_lists()
    {
        var program = ProgramConfigurationLoader.FromJson(Program().ToJsonString());
        Assert.Same(CaseRecordListSettings.Default, program.RecordLists);
        Assert.Null(program.Tenants.Single().RecordLists);
        var lists = program.RecordListsFor(program.Tenants.Single());
        Assert.Equal(10, lists.Topics.Count);
        Assert.Equal(["〜15", "16–17", "18–19", "20–24", "25 以上", "不明"], lists.AgeBands);
        Assert.Equal(["未確認", "〜11 週", "12–21 週", "22 週〜", "該当なし"], lists.PregnancyWeeks);
        Assert.Equal(["情報提供", "傾聴・助言", "受診勧奨", "他機関紹介", "関係機関連携"], lists.Actions);
        Assert.Equal(8, lists.Destinations.Count);
        Assert.Equal(["提案した", "連絡した", "つながった", "不明"], lists.ReferralStatuses);
    }

    [Fact]
    public void The_programs_lists_replace_the_defaults_and_a_tenants_replace_the_programs_list_by_list()
    {
        var json = Program(
            national: new JsonObject { ["Actions"] = new JsonArray("情報提供", "傾聴・助言", "同行支援") },
            tenant: new JsonObject { ["Topics"] = new JsonArray("妊娠の可能性・検査", "産後の不安") });
        var program = ProgramConfigurationLoader.FromJson(json.ToJsonString());
        var tenant = program.Tenants.Single();

        Assert.Equal(["情報提供", "傾聴・助言", "同行支援"], program.RecordLists.Actions);
        Assert.Equal(CaseRecordListSettings.Default.Topics, program.RecordLists.Topics);
        var lists = program.RecordListsFor(tenant);
        Assert.Equal(["妊娠の可能性・検査", "産後の不安"], lists.Topics);
        Assert.Equal(["情報提供", "傾聴・助言", "同行支援"], lists.Actions); // the program's, not the default
        Assert.Equal(CaseRecordListSettings.Default.AgeBands, lists.AgeBands);
    }

    [Fact]
    public void Too_many_repeated_empty_or_long_choices_are_refused_in_japanese()
    {
        var json = Program(tenant: new JsonObject
        {
            ["Topics"] = new JsonArray(Enumerable.Range(1, 11).Select(n => (JsonNode)JsonValue.Create($"内容{n}")!).ToArray()),
            ["AgeBands"] = new JsonArray("10代", "20代", "10代"),
            ["Actions"] = "",
            ["Destinations"] = new JsonArray(new string('あ', 51)),
        });
        var error = Assert.Throws<ProgramConfigurationException>(() => ProgramConfigurationLoader.FromJson(json.ToJsonString()));
        Assert.Equal(
        [
            "Program:Tenants:toyama:RecordLists:Topics has more than 10 choices (LINE shows at most 13 quick replies)",
            "Program:Tenants:toyama:RecordLists:AgeBands repeats the choice '10代'",
            "Program:Tenants:toyama:RecordLists:Actions is empty (at least one choice)",
            "Program:Tenants:toyama:RecordLists:Destinations:0 is longer than 50 characters",
        ], error.Errors);
        Assert.Equal(
        [
            "自治体「toyama」 › 記録の選択肢 › 相談内容 の選択肢は10個以内にしてください（LINEの選択ボタンは13個までのため）",
            "自治体「toyama」 › 記録の選択肢 › 年代 の「10代」が重複しています。同じ選択肢は1つにしてください",
            "自治体「toyama」 › 記録の選択肢 › 対応 に選択肢を1つ以上入力してください",
            "自治体「toyama」 › 記録の選択肢 › 紹介先の種類 1件目 は50文字以内にしてください",
        ], ProgramErrorsInJapanese.Translate(error.Errors));
    }

    [Fact]
    public void The_sample_program_loads_with_lists_for_every_tenant()
    {
        var program = ProgramConfigurationLoader.FromFile(Sample.Path);
        Assert.All(program.Tenants, t => Assert.NotEmpty(program.RecordListsFor(t).Topics));
    }

    private static JsonObject Program(JsonObject? national = null, JsonObject? tenant = null)
    {
        var toyama = new JsonObject
        {
            ["DisplayName"] = "富山県",
            ["Kind"] = "Prefecture",
            ["EntryCode"] = "PR-TOYAMA",
            ["Areas"] = new JsonArray("富山県"),
            ["Hours"] = new JsonArray(new JsonObject { ["Days"] = new JsonArray("Tue", "Thu"), ["Start"] = "09:00", ["End"] = "13:00" }),
        };
        if (tenant is not null)
        {
            toyama["RecordLists"] = tenant;
        }
        var program = new JsonObject { ["Tenants"] = new JsonObject { ["toyama"] = toyama } };
        if (national is not null)
        {
            program["RecordLists"] = national;
        }
        return new JsonObject { ["Program"] = program };
    }
}
