using System.Text.Json.Nodes;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Tenancy.Tests;

/// <summary>The loader's problems as the console shows them: Japanese paths and requests, every problem kept.</summary>
public sealed class ProgramErrorsInJapaneseTests
{
    private static IReadOnlyList<string> ErrorsOf(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(File.ReadAllText(Sample.Path), documentOptions: new System.Text.Json.JsonDocumentOptions
        {
            CommentHandling = System.Text.Json.JsonCommentHandling.Skip,
        })!.AsObject();
        edit(root["Program"]!.AsObject());
        var e = Assert.Throws<ProgramConfigurationException>(() => ProgramConfigurationLoader.FromJson(root.ToJsonString()));
        return ProgramErrorsInJapanese.Translate(e.Errors);
    }

    [Fact]
    public void A_bad_time_and_overlapping_hours_are_named_by_tenant_and_field_in_Japanese()
    {
        var errors = ErrorsOf(p =>
        {
            var hours = p["Tenants"]!["toyama"]!["Hours"]!.AsArray();
            hours[0]!["Start"] = "9時";
            hours.Add(new JsonObject { ["Days"] = new JsonArray("Wed"), ["Start"] = "17:00", ["End"] = "19:00" });
        });

        Assert.Contains("自治体「toyama」 › 受付時間 1件目 › 開始 は時刻（例: 09:00、24:00 まで）で入力してください", errors);
        Assert.Contains("自治体「toyama」 › 受付時間 で水曜日の時間帯が重なっています（14:00-18:00 と 17:00-19:00）", errors);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Cross_checks_name_the_other_place_in_Japanese()
    {
        var errors = ErrorsOf(p =>
        {
            p["Tenants"]!["shizuoka-city"]!["EntryCode"] = "PR-TOYAMA";
            p["Tenants"]!["toyama"]!["OverflowTo"] = "kyushu";
            p["Tenants"]!["toyama"]!["Counselors"]!["tym-c02"]!["MaxConcurrentCases"] = 0;
        });

        Assert.Contains("自治体「toyama」 › 入口コード の入口コード「PR-TOYAMA」は、自治体「shizuoka-city」 › 入口コードですでに使われています", errors);
        Assert.Contains("自治体「toyama」 › 引き継ぎ先（看護師プール） の看護師プール「kyushu」は登録されていません（登録済み: national）", errors);
        Assert.Contains("自治体「toyama」 › 相談員「tym-c02」 › 同時に対応できる件数 は1以上の整数で入力してください", errors);
        Assert.All(errors, e => Assert.DoesNotContain(" is ", e, StringComparison.Ordinal));
    }

    [Fact]
    public void Unreadable_JSON_and_unknown_problems_still_say_where()
    {
        var e = Assert.Throws<ProgramConfigurationException>(() => ProgramConfigurationLoader.FromJson("{ \"Program\": { \"Tenants\": "));
        Assert.StartsWith("プログラム全体 が JSON として読めません（", ProgramErrorsInJapanese.Translate(e.Errors[0]), StringComparison.Ordinal);
        Assert.Equal("看護師プール「national」 › 名称: sounds odd", ProgramErrorsInJapanese.Translate("Program:NursePools:national:Name sounds odd"));
        Assert.Equal("看護師プール「national」 › 自治体 2件目", ProgramErrorsInJapanese.Path("Program:NursePools:national:Tenants:1"));
    }
}
